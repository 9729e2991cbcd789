package org.civicdesk.sms.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends.
 *
 * @param messagesPerSecond the pace across all instances together, never exceeded
 * @param batchSize         how many due messages one instance claims at a time
 * @param concurrency       how many messages one instance has in flight at least; raised with the
 *                          pace (one per 8 messages a second) so waiting on Twilio never slows it
 * @param maxAttempts       attempts before a transient failure becomes a permanent one
 * @param retryBackoff      the first retry's delay, doubled for each further attempt
 * @param maxRetryBackoff   the longest delay between attempts
 * @param pollInterval      how often an instance looks for due messages it was not told about
 * @param claimLease        how long a claimed message stays with the instance that claimed it
 * @param schedulerThreads  threads of the bounded scheduler the blocking SDK runs on, at least
 *                          the concurrency
 */
@ConfigurationProperties("civicdesk.sms")
record SmsSettings(
        @DefaultValue("10") double messagesPerSecond,
        @DefaultValue("50") int batchSize,
        @DefaultValue("16") int concurrency,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("5s") Duration retryBackoff,
        @DefaultValue("30m") Duration maxRetryBackoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("16") int schedulerThreads) {

    /** Messages in flight per instance: enough to keep the pace while Twilio answers in ~100 ms. */
    int effectiveConcurrency() {
        return Math.max(concurrency, (int) Math.ceil(messagesPerSecond / 8));
    }
}
