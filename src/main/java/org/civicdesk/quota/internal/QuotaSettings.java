package org.civicdesk.quota.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the seat gate and the quota caches behave.
 *
 * @param redisCheckInterval     how often each instance checks that Redis answers (and rebuilds
 *                               the counters when it returns) and reads the configuration version
 *                               other instances bump
 * @param cacheTtl               the longest a cached day, rule or risk policy is used without a
 *                               change being announced
 * @param counterRebuildInterval how often the Redis counters are rebuilt from PostgreSQL anyway,
 *                               healing seats an instance took in Redis before it died
 * @param idempotencyTtl         how long Redis remembers an idempotency key (PostgreSQL forever)
 * @param maxAvailabilityDays    the longest range one availability query may ask for
 * @param maxTemplateDays        the longest range one template may be applied to
 * @param demoDays               in the embedded default, how many days ahead demo quotas are opened
 * @param fullMemory             how long an instance answers attempts on a slot the gate found full
 *                               from memory (a seat given back on another instance is offered
 *                               again here at the latest after this); 0 asks Redis every time
 */
@ConfigurationProperties("civicdesk.quota")
record QuotaSettings(
        @DefaultValue("1s") Duration redisCheckInterval,
        @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("10m") Duration counterRebuildInterval,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("62") int maxAvailabilityDays,
        @DefaultValue("366") int maxTemplateDays,
        @DefaultValue("30") int demoDays,
        @DefaultValue("1s") Duration fullMemory) {
}
