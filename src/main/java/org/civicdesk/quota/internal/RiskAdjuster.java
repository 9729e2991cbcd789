package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.RiskPreview;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServicePolicy;
import org.civicdesk.quota.ServiceRules;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskLevels;
import org.civicdesk.risk.RiskProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a changed risk level to capacities: every day from today of the services at the
 * office concerned (all of them for the district) gets its effective capacity recomputed, the
 * counters rebuilt, and bookings that no longer fit re-accommodated, as when staff lower a
 * capacity. Also previews what a level would change before the command group switches to it.
 */
@Component
public class RiskAdjuster {

    private static final Log log = LogFactory.getLog(RiskAdjuster.class);

    private final QuotaCache cache;
    private final QuotaRepository quotas;
    private final QuotaChanges changes;
    private final RiskLevels risk;
    private final RulesRepository rulesRepository;
    private final TransactionalOperator tx;
    private final Platform platform;
    private final Clock clock;

    RiskAdjuster(QuotaCache cache, QuotaRepository quotas, QuotaChanges changes, RiskLevels risk,
            RulesRepository rulesRepository, TransactionalOperator tx, Platform platform, Clock clock) {
        this.rulesRepository = rulesRepository;
        this.cache = cache;
        this.quotas = quotas;
        this.changes = changes;
        this.risk = risk;
        this.tx = tx;
        this.platform = platform;
        this.clock = clock;
    }

    @EventListener
    void on(RiskLevelChanged changed) {
        apply(changed.unitId(), "疫情风险等级调整为“" + changed.level().label() + "”")
                .subscribe(null, ex -> log.error("Could not apply the risk level to quotas", ex));
    }

    /** Recomputes the capacities of the services at a unit (all for the district) from the levels in force. */
    public Mono<Void> apply(@Nullable Long unitId, String reason) {
        cache.invalidate();
        return inScope(unitId)
                .concatMap(rules -> cache.profile(rules.officeUnitId())
                        .flatMap(profile -> applyTo(rules.service(), QuotaCache.policyOf(rules.service(), profile), reason)))
                .then();
    }

    /** Records which directory unit a service's office is: that unit's risk level applies to it from now. */
    public Mono<Void> assignOffice(ServiceCode service, @Nullable Long unitId) {
        return rulesRepository.assignOffice(service, unitId)
                .flatMap(changed -> !changed ? Mono.<Void>empty()
                        : changes.after(service, List.of(), List.of())
                                .then(cache.rules(service))
                                .flatMap(rules -> cache.profile(rules.officeUnitId()))
                                .flatMap(profile -> applyTo(service, QuotaCache.policyOf(service, profile), "办理机构风险等级")));
    }

    private Mono<Void> applyTo(ServiceCode service, ServicePolicy policy, String reason) {
        double factor = policy.suspended() ? 0 : policy.capacityFactor();
        return quotas.daysFrom(LocalDate.now(clock), Set.of(service)).map(QuotaDay::date).collectList()
                .flatMap(dates -> tx.transactional(Flux.fromIterable(dates)
                                .concatMap(date -> quotas.applyFactor(service, date, factor, policy.suspended())
                                        .then(quotas.day(service, date))
                                        .map(after -> Excesses.of(after, clock.instant(), platform.zone(), reason)))
                                .collectList())
                        .flatMap(reduced -> changes.after(service, dates, reduced)));
    }

    public Mono<RiskPreview> preview(RiskLevel level, @Nullable Long unitId) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return Mono.zip(risk.districtProfile(), risk.profileOf(level))
                .flatMap(profiles -> inScope(unitId)
                        .concatMap(rules -> cache.profile(rules.officeUnitId()).flatMap(before -> {
                            RiskProfile after = after(unitId, level, before, profiles.getT1(), profiles.getT2());
                            return quotas.daysFrom(today, Set.of(rules.service())).collectList()
                                    .map(days -> change(rules.service(), before, after, days, now));
                        }))
                        .collectList())
                .map(services -> new RiskPreview(level.name(), unitId, services));
    }

    /** The profile an office would work to: its own level stays when it is stricter than both. */
    private static RiskProfile after(@Nullable Long unitId, RiskLevel level, RiskProfile before, RiskProfile district,
            RiskProfile target) {
        if (unitId == null) {
            return before.level().stricterThan(district.level()) && before.level().stricterThan(level) ? before : target;
        }
        return level.stricterThan(district.level()) ? target : district;
    }

    private RiskPreview.ServiceChange change(ServiceCode service, RiskProfile before, RiskProfile after, List<QuotaDay> days,
            Instant now) {
        double factorAfter = after.capacityFactor(service.name());
        List<RiskPreview.DayChange> changes = new ArrayList<>();
        for (QuotaDay day : days) {
            if (!day.open()) {
                continue;
            }
            int capacityBefore = day.suspended() ? 0 : day.slots().stream().mapToInt(QuotaDay.Slot::effective).sum();
            int capacityAfter = 0;
            int excess = 0;
            for (QuotaDay.Slot slot : day.slots()) {
                int effective = after.suspends(service.name()) ? 0 : DayPlanner.effective(slot.capacity(), factorAfter);
                capacityAfter += effective;
                if (day.date().atTime(slot.start()).atZone(platform.zone()).toInstant().isAfter(now)) {
                    excess += Math.max(slot.booked() - effective, 0);
                }
            }
            changes.add(new RiskPreview.DayChange(day.date(), capacityBefore, capacityAfter, day.booked(), excess));
        }
        return new RiskPreview.ServiceChange(service, after.suspends(service.name()), before.capacityFactor(service.name()),
                factorAfter, before.maxCompanions(), after.maxCompanions(), changes);
    }

    private Flux<ServiceRules> inScope(@Nullable Long unitId) {
        return cache.allRules().flatMapIterable(all -> all.values().stream()
                .filter(rules -> unitId == null || unitId.equals(rules.officeUnitId()))
                .sorted(java.util.Comparator.comparing(ServiceRules::service))
                .toList());
    }
}
