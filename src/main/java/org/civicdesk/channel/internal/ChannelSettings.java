package org.civicdesk.channel.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the conversations behave.
 *
 * @param conversationTtl    how long a conversation is remembered after its last message
 * @param dutyOfficerNumber  whom a caller pressing 0 is put through to (E.164); without one the
 *                           caller hears the hotline instead
 * @param hotline            the number read out when a call cannot help further
 * @param maxRetries         invalid or missing answers to one question before a call says goodbye
 * @param slotsOffered       how many free slots are offered by number at once
 * @param daysSearched       how many days from the chosen one are searched for free slots
 */
@ConfigurationProperties("civicdesk.channel")
public record ChannelSettings(
        @DefaultValue("15m") Duration conversationTtl,
        @Nullable String dutyOfficerNumber,
        @DefaultValue("0477-12345") String hotline,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("9") int slotsOffered,
        @DefaultValue("1") int daysSearched) {
}
