package org.civicdesk.platform;

import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What every module needs to know about the running service: whether it is the embedded
 * default, this instance's name, the business zone and how Redis keys are named.
 */
@Component
public class Platform {

    private final PlatformSettings settings;
    private final String instanceId;

    Platform(PlatformSettings settings) {
        this.settings = settings;
        String configured = settings.instanceId();
        this.instanceId = configured != null && !configured.isBlank()
                ? configured
                : ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public boolean embedded() {
        return settings.embedded();
    }

    public String instanceId() {
        return instanceId;
    }

    public ZoneId zone() {
        return settings.zone();
    }

    /** A Redis key or channel name in this deployment's key space: {@code cd:seat:…}. */
    public String key(String... parts) {
        return settings.redisKeyPrefix() + String.join(":", parts);
    }

    public PlatformSettings settings() {
        return settings;
    }
}
