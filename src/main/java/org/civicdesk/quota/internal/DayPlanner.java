package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.DayPlan;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServicePolicy;
import org.civicdesk.quota.ServiceRules;
import org.civicdesk.quota.TemplateResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff opening, changing and closing days, one at a time or a weekday template over a range
 * (hot dates get the hot template). A capacity may not drop below what is booked unless staff
 * ask to re-accommodate; then the change is made and the excess announced. The counters and
 * every instance's cache follow each change.
 */
@Component
public class DayPlanner {

    private final QuotaRepository quotas;
    private final RulesRepository rulesRepository;
    private final QuotaCache cache;
    private final HotDateBook hotDates;
    private final QuotaChanges changes;
    private final QuotaSettings settings;
    private final TransactionalOperator tx;
    private final Platform platform;
    private final Clock clock;

    DayPlanner(QuotaRepository quotas, RulesRepository rulesRepository, QuotaCache cache, HotDateBook hotDates,
            QuotaChanges changes, QuotaSettings settings, TransactionalOperator tx, Platform platform, Clock clock) {
        this.quotas = quotas;
        this.rulesRepository = rulesRepository;
        this.cache = cache;
        this.hotDates = hotDates;
        this.changes = changes;
        this.settings = settings;
        this.tx = tx;
        this.platform = platform;
        this.clock = clock;
    }

    public Mono<QuotaDay> day(ServiceCode service, LocalDate date) {
        return quotas.day(service, date).defaultIfEmpty(unopened(service, date));
    }

    /** Every day of a range as staff see it (at most as many as an availability query); unopened days are closed. */
    public Flux<QuotaDay> days(ServiceCode service, LocalDate from, LocalDate to) {
        InvalidInput outOfRange = AvailabilityReader.outOfRange(from, to, settings.maxAvailabilityDays());
        if (outOfRange != null) {
            return Flux.error(outOfRange);
        }
        return quotas.days(service, from, to).collectMap(QuotaDay::date)
                .flatMapIterable(opened -> from.datesUntil(to.plusDays(1))
                        .map(date -> opened.getOrDefault(date, unopened(service, date)))
                        .toList());
    }

    private static QuotaDay unopened(ServiceCode service, LocalDate date) {
        return new QuotaDay(service, date, false, null, false, false, 1.0, null, null, 0, List.of());
    }

    /** What the day holds beyond its capacity now. */
    public Mono<CapacityReduced> excess(ServiceCode service, LocalDate date, String reason) {
        return day(service, date).map(day -> Excesses.of(day, clock.instant(), platform.zone(), reason));
    }

    public Mono<QuotaDay> set(ServiceCode service, LocalDate date, DayPlan plan) {
        PlanRules.check(plan, date, LocalDate.now(clock));
        return Mono.zip(cache.rules(service), currentPolicy(service), hotDates.isHot(service, date))
                .flatMap(all -> tx.transactional(write(all.getT1(), all.getT2(), date, plan, all.getT3())
                        .flatMap(reduced -> refuseUnlessReaccommodating(List.of(reduced), plan.reaccommodate())
                                .thenReturn(reduced))))
                .flatMap(reduced -> changes.after(service, List.of(date), List.of(reduced)))
                .then(day(service, date));
    }

    /** Opens every day of a range whose weekday the pattern names; hot dates get the hot template. */
    public Mono<TemplateResult> applyTemplate(ServiceCode service, LocalDate from, LocalDate to,
            Map<DayOfWeek, List<DayPlan.SlotPlan>> pattern, @Nullable Integer dayCap, boolean reaccommodate) {
        LocalDate today = LocalDate.now(clock);
        if (from.isBefore(today) || to.isBefore(from) || from.plusDays(settings.maxTemplateDays()).isBefore(to)) {
            throw new InvalidInput("invalid-range", "to", "日期范围须从今天或以后开始，且不超过 " + settings.maxTemplateDays() + " 天。",
                    "The range must start today or later and span at most " + settings.maxTemplateDays() + " days.");
        }
        pattern.forEach((weekday, slots) -> PlanRules.checkSlots(slots, "pattern." + weekday));
        return Mono.zip(cache.rules(service), currentPolicy(service), rulesRepository.hotTemplate(service).collectList(),
                        hotDates.hotDays(service, from, to))
                .flatMap(all -> {
                    ServiceRules rules = all.getT1();
                    List<DayPlan.SlotPlan> hotSlots = all.getT3();
                    Map<LocalDate, Boolean> plans = new LinkedHashMap<>();
                    Map<LocalDate, DayPlan> dayPlans = new LinkedHashMap<>();
                    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                        boolean hot = all.getT4().contains(date);
                        if (hot && !hotSlots.isEmpty()) {
                            dayPlans.put(date, new DayPlan(hotSlots, rules.hotDayCap(), false, null, reaccommodate));
                            plans.put(date, true);
                        }
                        else if (pattern.containsKey(date.getDayOfWeek()) && !pattern.get(date.getDayOfWeek()).isEmpty()) {
                            dayPlans.put(date, new DayPlan(pattern.get(date.getDayOfWeek()), dayCap, false, null, reaccommodate));
                            plans.put(date, hot);
                        }
                    }
                    Mono<List<CapacityReduced>> written = Flux.fromIterable(dayPlans.entrySet())
                            .concatMap(e -> write(rules, all.getT2(), e.getKey(), e.getValue(), plans.get(e.getKey())))
                            .collectList()
                            .flatMap(reduced -> refuseUnlessReaccommodating(reduced, reaccommodate).thenReturn(reduced));
                    return tx.transactional(written)
                            .flatMap(reduced -> changes.after(service, dayPlans.keySet(), reduced))
                            .thenReturn(new TemplateResult(
                                    plans.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList(),
                                    plans.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()));
                });
    }

    /** Writes one day's plan inside the caller's transaction; what it now holds beyond capacity. */
    private Mono<CapacityReduced> write(ServiceRules rules, ServicePolicy policy, LocalDate date, DayPlan plan, boolean hot) {
        ServiceCode service = rules.service();
        double factor = policy.suspended() ? 0 : policy.capacityFactor();
        Mono<Void> slots = plan.closed() ? Mono.empty() : Flux.fromIterable(plan.slots())
                .concatMap(slot -> quotas.upsertSlot(service, date, slot.start(), slot.end(), slot.capacity(),
                        effective(slot.capacity(), factor), slot.reserved() != null ? slot.reserved()
                                : (int) Math.floor(slot.capacity() * rules.reserveShare())))
                .then(quotas.removeSlotsOtherThan(service, date, plan.slots().stream().map(DayPlan.SlotPlan::start).toList()));
        return quotas.lockDay(service, date)
                .then(quotas.day(service, date))
                .flatMap(before -> slots.then(quotas.updateDay(service, date, !plan.closed(),
                        plan.closed() ? plan.reason() : null, hot,
                        plan.closed() ? before.dayCap() : plan.dayCap(),
                        plan.closed() ? before.dayCapEffective() : plan.dayCap() == null ? null : effective(plan.dayCap(), factor),
                        factor, policy.suspended())))
                .then(quotas.day(service, date))
                .map(after -> Excesses.of(after, clock.instant(), platform.zone(),
                        plan.closed() && plan.reason() != null ? plan.reason() : "号源调整"));
    }

    private static Mono<Void> refuseUnlessReaccommodating(Collection<CapacityReduced> reduced, boolean reaccommodate) {
        List<Map<String, Object>> conflicts = new ArrayList<>();
        for (CapacityReduced day : reduced) {
            day.slots().forEach(excess -> conflicts.add(Map.of("date", day.date().toString(),
                    "slotStart", excess.slotStart().toString(), "excess", excess.excess())));
            if (day.dayExcess() > 0) {
                conflicts.add(Map.of("date", day.date().toString(), "excess", day.dayExcess()));
            }
        }
        return conflicts.isEmpty() || reaccommodate ? Mono.empty() : Mono.error(new CapacityBelowBooked(conflicts));
    }

    /** The risk policy in force now, not the cached one: capacities are written from it. */
    private Mono<ServicePolicy> currentPolicy(ServiceCode service) {
        return cache.rules(service).flatMap(rules -> cache.profile(rules.officeUnitId()))
                .map(profile -> QuotaCache.policyOf(service, profile));
    }

    /** Capacity after a risk factor, exactly as PostgreSQL computes it (factor kept to 4 places). */
    static int effective(int capacity, double factor) {
        return java.math.BigDecimal.valueOf(factor).setScale(4, java.math.RoundingMode.HALF_UP)
                .multiply(java.math.BigDecimal.valueOf(capacity))
                .setScale(0, java.math.RoundingMode.FLOOR)
                .intValueExact();
    }
}
