package org.civicdesk.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and verification rules.
 *
 * @param tokenSecret            the Base64 key (at least 32 bytes) tokens are signed with; the same
 *                               on every instance; the embedded default generates one
 * @param staffTokenTtl          how long a staff token is valid
 * @param citizenTokenTtl        how long a citizen token is valid
 * @param maxFailedLogins        failed sign-ins in a row before the account locks
 * @param lockDuration           how long a locked account stays locked
 * @param failureMemory          how long a failed sign-in is remembered
 * @param loginSlowdown          the wait before answering a first wrong password, doubled for
 *                               each further one in a row (at most 16 times)
 * @param codeTtl                how long a one-time code is valid
 * @param codeMaxTries           wrong entries of one code before it is void
 * @param codeResendInterval     the least time between two codes to one phone
 * @param codesPerPhonePerHour   codes one phone may be sent in an hour
 * @param codesPerPhonePerDay    codes one phone may be sent in a day
 * @param codesPerIp             code requests one client address may make per window (generous:
 *                               a carrier NAT puts many people behind one address)
 * @param codesPerIpWindow       that window
 */
@ConfigurationProperties("civicdesk.identity")
record IdentitySettings(
        @Nullable String tokenSecret,
        @DefaultValue("8h") Duration staffTokenTtl,
        @DefaultValue("12h") Duration citizenTokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1h") Duration failureMemory,
        @DefaultValue("250ms") Duration loginSlowdown,
        @DefaultValue("5m") Duration codeTtl,
        @DefaultValue("5") int codeMaxTries,
        @DefaultValue("60s") Duration codeResendInterval,
        @DefaultValue("5") int codesPerPhonePerHour,
        @DefaultValue("10") int codesPerPhonePerDay,
        @DefaultValue("200") int codesPerIp,
        @DefaultValue("10m") Duration codesPerIpWindow) {
}
