package org.civicdesk.sms;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio account. With no account SID or auth token, messages are recorded as
 * {@code SIMULATED} and logged instead of sent, so the embedded default needs no account.
 *
 * @param apiBaseUrl          where the REST API is (tests point it at a fake Twilio)
 * @param accountSid          the account SID ({@code AC…})
 * @param authToken           the auth token, also the key webhook signatures are checked with
 * @param fromNumber          the sending number, in E.164
 * @param messagingServiceSid a Messaging Service to send through instead of one number
 * @param publicBaseUrl       the URL Twilio reaches this service at (behind a proxy), for
 *                            status callbacks and webhook signatures
 */
@ConfigurationProperties("civicdesk.twilio")
public record TwilioSettings(
        @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        @Nullable String accountSid,
        @Nullable String authToken,
        @Nullable String fromNumber,
        @Nullable String messagingServiceSid,
        @Nullable String publicBaseUrl) {

    /** Whether real messages can be sent. */
    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank()
                && ((fromNumber != null && !fromNumber.isBlank())
                        || (messagingServiceSid != null && !messagingServiceSid.isBlank()));
    }
}
