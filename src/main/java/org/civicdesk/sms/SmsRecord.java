package org.civicdesk.sms;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message as staff see it in the outbox: the phone masked, a secret body blanked.
 *
 * @param id           its number
 * @param to           the recipient, masked
 * @param body         the text, or a placeholder for a secret
 * @param purpose      why it was sent
 * @param status       where it stands
 * @param errorCode    Twilio's error code, when it failed
 * @param errorMessage what went wrong, when it failed
 * @param attempts     how many times it was handed to Twilio
 * @param createdAt    when it was queued
 * @param sentAt       when Twilio took it
 */
public record SmsRecord(long id, String to, String body, SmsPurpose purpose, SmsStatus status,
        @Nullable Integer errorCode, @Nullable String errorMessage, int attempts, Instant createdAt,
        @Nullable Instant sentAt) {
}
