package org.civicdesk.risk.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The levels in force and the profiles, kept in memory because the seat gate asks on every
 * booking attempt. The copy is replaced after a change here, when another instance says it
 * changed something, and in the background once it is older than the configured time.
 */
@Component
public class RiskPolicy {

    private static final Log log = LogFactory.getLog(RiskPolicy.class);

    private final RiskRepository repository;
    private final long ttlNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();

    RiskPolicy(RiskRepository repository, RiskSettings settings) {
        this.repository = repository;
        this.ttlNanos = settings.cacheTtl().toNanos();
    }

    /** Everything about levels at one moment; {@code loadedAt} is when its reading began (nanoTime). */
    public record Snapshot(RiskStatus district, Map<Long, RiskStatus> units, Map<RiskLevel, RiskProfile> profiles,
            long loadedAt) {

        public RiskLevel effectiveLevel(long unitId) {
            RiskStatus own = units.get(unitId);
            return own != null && own.level().stricterThan(district.level()) ? own.level() : district.level();
        }

        public Map<Long, RiskLevel> unitLevels() {
            return units.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().level()));
        }

        public RiskProfile profile(RiskLevel level) {
            return profiles.get(level);
        }
    }

    public Mono<RiskProfile> districtProfile() {
        return snapshot().map(s -> s.profile(s.district().level()));
    }

    public Mono<RiskProfile> unitProfile(long unitId) {
        return snapshot().map(s -> s.profile(s.effectiveLevel(unitId)));
    }

    public Mono<RiskProfile> profileOf(RiskLevel level) {
        return snapshot().map(s -> s.profile(level));
    }

    /** The copy in memory; read afresh only when there is none yet. */
    public Mono<Snapshot> snapshot() {
        Snapshot current = snapshot.get();
        if (current == null) {
            return refresh();
        }
        if (System.nanoTime() - current.loadedAt() > ttlNanos && refreshing.compareAndSet(false, true)) {
            refresh().doFinally(signal -> refreshing.set(false))
                    .subscribe(fresh -> { }, ex -> log.warn("Could not renew the risk levels: " + ex.getMessage()));
        }
        return Mono.just(current);
    }

    /**
     * Reads levels and profiles from PostgreSQL and keeps them, unless a read that began later
     * has already finished (a slow background read never replaces the copy made after a change).
     */
    public Mono<Snapshot> refresh() {
        return repository.load().map(fresh -> snapshot.accumulateAndGet(fresh,
                (kept, next) -> kept == null || next.loadedAt() - kept.loadedAt() > 0 ? next : kept));
    }
}
