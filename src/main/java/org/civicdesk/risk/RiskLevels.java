package org.civicdesk.risk;

import java.time.Instant;
import java.util.Map;

import org.civicdesk.risk.internal.RiskPolicy;
import org.civicdesk.risk.internal.RiskRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The levels in force and their profiles. Other modules ask here what the current level allows
 * (capacity, companions, suspended services) and listen for {@link RiskLevelChanged}, which is
 * published after the change is committed, on the thread that committed it (listeners must not
 * block). Answers come from an in-memory copy that every instance renews when any of them
 * changes a level or a profile.
 */
@Service
public class RiskLevels {

    private final RiskPolicy policy;
    private final RiskRepository repository;

    RiskLevels(RiskPolicy policy, RiskRepository repository) {
        this.policy = policy;
        this.repository = repository;
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

    /** The district's level, since when and why. */
    public Mono<RiskStatus> district() {
        return policy.snapshot().map(RiskPolicy.Snapshot::district);
    }

    /** The level a unit works at: the stricter of its own and the district's. */
    public Mono<RiskLevel> unitLevel(long unitId) {
        return policy.snapshot().map(snapshot -> snapshot.effectiveLevel(unitId));
    }

    /**
     * The levels set for individual units, by unit. A unit works at the stricter of its own level
     * and the district's, so after the district rises an own level may no longer matter.
     */
    public Mono<Map<Long, RiskLevel>> unitLevels() {
        return policy.snapshot().map(RiskPolicy.Snapshot::unitLevels);
    }

    /** The changes made since an instant, oldest first (to catch up with missed events). */
    public Flux<RiskLevelChanged> changesSince(Instant since) {
        return repository.changesSince(since);
    }
}
