package org.civicdesk.risk.internal;

import java.util.Map;
import java.util.Set;

import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Until risk levels can be set (the risk-levels issue), every unit works at {@code NORMAL} with
 * the configured default profile. The risk issue replaces this with levels kept in PostgreSQL.
 */
@Component
public class RiskPolicy {

    private final RiskDefaults defaults;

    RiskPolicy(RiskDefaults defaults) {
        this.defaults = defaults;
    }

    public Mono<RiskProfile> districtProfile() {
        return Mono.just(normal());
    }

    public Mono<RiskProfile> unitProfile(long unitId) {
        return Mono.just(normal());
    }

    public Mono<RiskProfile> profileOf(RiskLevel level) {
        return Mono.just(new RiskProfile(level, Map.of(), 1.0, defaults.maxCompanions(), false, Set.of(), false, Map.of()));
    }

    private RiskProfile normal() {
        return new RiskProfile(RiskLevel.NORMAL, Map.of(), 1.0, defaults.maxCompanions(), false, Set.of(), false, Map.of());
    }

    /**
     * The profile in force before any level is set.
     *
     * @param maxCompanions companions a citizen may bring
     */
    @ConfigurationProperties("civicdesk.risk.defaults")
    record RiskDefaults(@DefaultValue("2") int maxCompanions) {
    }
}
