package org.civicdesk.platform;

import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings that every module shares.
 *
 * @param mode            {@code embedded} when the service started its own PostgreSQL (set at
 *                        start-up, never by hand), otherwise {@code external}
 * @param dataDir         where the embedded default keeps its database and generated secrets
 * @param zone            the zone business dates are reckoned in
 * @param redisKeyPrefix  prefix of every Redis key and channel, so that several deployments (or
 *                        test runs) can share one Redis
 * @param publicBaseUrl   the URL citizens and webhooks reach this service at, when behind a proxy
 * @param instanceId      a name for this instance in logs, claims and metrics
 * @param maxRequestSize  the largest request body accepted
 */
@ConfigurationProperties("civicdesk.platform")
public record PlatformSettings(
        @DefaultValue("external") String mode,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("cd:") String redisKeyPrefix,
        @Nullable String publicBaseUrl,
        @Nullable String instanceId,
        @DefaultValue("256KB") DataSize maxRequestSize) {

    /** Whether the service runs on its own embedded PostgreSQL with demo data. */
    public boolean embedded() {
        return "embedded".equals(mode);
    }
}
