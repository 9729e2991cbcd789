package org.civicdesk.risk;

import org.civicdesk.risk.internal.RiskPolicy;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The levels in force and their profiles. Other modules ask here what the current level allows
 * (capacity, companions, suspended services) and listen for {@link RiskLevelChanged}.
 */
@Service
public class RiskLevels {

    private final RiskPolicy policy;

    RiskLevels(RiskPolicy policy) {
        this.policy = policy;
    }

    /** The profile of the district's current level. */
    public Mono<RiskProfile> districtProfile() {
        return policy.districtProfile();
    }

    /** The profile a level would apply, for previews of a change before it is made. */
    public Mono<RiskProfile> profileOf(RiskLevel level) {
        return policy.profileOf(level);
    }

    /** The profile a unit works to: its own level if stricter than the district's. */
    public Mono<RiskProfile> unitProfile(long unitId) {
        return policy.unitProfile(unitId);
    }
}
