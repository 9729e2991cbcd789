package org.civicdesk.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.civicdesk.directory.Units;
import org.civicdesk.platform.LiveUpdate;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskProfileEdited;
import org.civicdesk.risk.RiskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changes levels and profiles: in one transaction with the history row, then (after commit) the
 * in-memory copies everywhere, the {@link RiskLevelChanged} event and the live topic. The rows
 * of the district and the unit are locked first, so that two changes at once each see the other.
 */
@Component
class RiskChanges {

    static final String TOPIC = "/topic/risk-level";

    private final RiskRepository repository;
    private final RiskPolicy policy;
    private final RiskInvalidation invalidation;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final TransactionalOperator tx;
    private final Clock clock;

    RiskChanges(RiskRepository repository, RiskPolicy policy, RiskInvalidation invalidation, Units units,
            ApplicationEventPublisher events, TransactionalOperator tx, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.invalidation = invalidation;
        this.units = units;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What a change did.
     *
     * @param change   the level before and after (the unit's effective level for a unit)
     * @param ownLevel the unit's own level now, {@code null} when it follows the district
     */
    record Outcome(RiskLevelChanged change, @Nullable RiskLevel ownLevel) {
    }

    /**
     * Sets the district's level, or a unit's. A unit's level is kept only while stricter than the
     * district's; one that is not makes the unit follow the district again.
     */
    Mono<Outcome> setLevel(RiskLevel level, @Nullable Long unitId, String reason, String by) {
        Mono<Void> unitExists = unitId == null ? Mono.empty() : units.findById(unitId).then();
        return unitExists
                .then(Mono.defer(() -> repository.lock(unitId).flatMap(rows -> apply(rows, level, unitId, reason, by))))
                .as(tx::transactional)
                .flatMap(outcome -> policy.refresh().then(invalidation.announce()).thenReturn(outcome))
                .flatMap(outcome -> announce(outcome.change()).thenReturn(outcome));
    }

    private Mono<Outcome> apply(Map<String, RiskStatus> rows, RiskLevel level, @Nullable Long unitId, String reason, String by) {
        // As PostgreSQL keeps it, so that the event and the history name the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RiskStatus district = rows.get(RiskRepository.DISTRICT);
        if (unitId == null) {
            Instant since = level == district.level() ? district.since() : now;
            RiskLevelChanged change = new RiskLevelChanged(null, district.level(), level, reason, now);
            return repository.save(new RiskStatus(null, level, since, reason), by)
                    .then(repository.record(change, by))
                    .thenReturn(new Outcome(change, null));
        }
        RiskStatus own = rows.get(RiskRepository.scope(unitId));
        RiskLevel before = own != null && own.level().stricterThan(district.level()) ? own.level() : district.level();
        boolean stricter = level.stricterThan(district.level());
        RiskLevel after = stricter ? level : district.level();
        RiskLevelChanged change = new RiskLevelChanged(unitId, before, after, reason, now);
        Mono<Void> write = stricter
                ? repository.save(new RiskStatus(unitId, level, own != null && own.level() == level ? own.since() : now, reason), by)
                : repository.clear(unitId);
        return write.then(repository.record(change, by)).thenReturn(new Outcome(change, stricter ? level : null));
    }

    /** Replaces the profile of a level. */
    Mono<RiskProfile> editProfile(RiskProfile profile, String by) {
        Instant now = clock.instant();
        return repository.saveProfile(profile, by, now)
                .as(tx::transactional)
                .flatMap(saved -> policy.refresh().then(invalidation.announce()).thenReturn(saved))
                .doOnNext(saved -> events.publishEvent(new RiskProfileEdited(saved, now)))
                .flatMap(saved -> policy.snapshot()
                        .doOnNext(s -> {
                            if (s.district().level() == saved.level()) {
                                events.publishEvent(new LiveUpdate(TOPIC, DistrictView.of(s)));
                            }
                        })
                        .thenReturn(saved));
    }

    private Mono<Void> announce(RiskLevelChanged change) {
        if (change.previous() != change.level()) {
            events.publishEvent(change);
        }
        if (change.unitId() != null) {
            return Mono.empty();
        }
        return policy.snapshot().doOnNext(s -> events.publishEvent(new LiveUpdate(TOPIC, DistrictView.of(s)))).then();
    }
}
