package org.civicdesk.quota;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.civicdesk.quota.internal.AvailabilityReader;
import org.civicdesk.quota.internal.DayPlanner;
import org.civicdesk.quota.internal.HotDateBook;
import org.civicdesk.quota.internal.QuotaCache;
import org.civicdesk.quota.internal.RiskAdjuster;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Capacities and what they leave: availability for citizens, each service's rules and the risk
 * policy at its office, the days staff open, change and close (one at a time or by weekday
 * template), hot dates and their template, and a preview of what a risk level would change.
 */
@Service
public class Quotas {

    private final AvailabilityReader availability;
    private final DayPlanner planner;
    private final HotDateBook hotDates;
    private final RiskAdjuster risk;
    private final QuotaCache cache;

    Quotas(AvailabilityReader availability, DayPlanner planner, HotDateBook hotDates, RiskAdjuster risk, QuotaCache cache) {
        this.availability = availability;
        this.planner = planner;
        this.hotDates = hotDates;
        this.risk = risk;
        this.cache = cache;
    }

    /** Each day of a range as a citizen on this channel sees it; days nobody opened are closed. */
    public Flux<AvailabilityDay> availability(ServiceCode service, LocalDate from, LocalDate to, Channel channel) {
        return availability.availability(service, from, to, channel);
    }

    /** Slots bookable now with seats left for the channel. */
    public Mono<List<FreeSlot>> freeSlots(ServiceCode service, LocalDate from, LocalDate to, Channel channel) {
        return availability.free(service, from, to, channel);
    }

    /** The free slots nearest a given one (not itself; with {@code otherDays}, not on its day). */
    public Mono<List<FreeSlot>> nearestFree(ServiceCode service, LocalDate date, LocalTime start, Channel channel,
            int limit, boolean otherDays) {
        return availability.nearest(service, date, start, channel, limit, otherDays);
    }

    public Mono<ServiceRules> rules(ServiceCode service) {
        return cache.rules(service);
    }

    /** Changes when a service can be booked and how much of each slot is held back for phone and counter. */
    public Mono<ServiceRules> updateRules(ServiceCode service, java.time.Duration minNotice, int maxDaysAhead,
            LocalTime releaseTime, double reserveShare, LocalTime reserveCutoff) {
        return hotDates.updateRules(service, minNotice, maxDaysAhead, releaseTime, reserveShare, reserveCutoff);
    }

    /** What the risk level at the service's office allows now (companions, capacity, suspension). */
    public Mono<ServicePolicy> policy(ServiceCode service) {
        return cache.policy(service);
    }

    /** Records which directory unit a service's office is, so that unit's risk level applies. */
    public Mono<Void> assignOffice(ServiceCode service, @Nullable Long unitId) {
        return risk.assignOffice(service, unitId);
    }

    public Mono<QuotaDay> day(ServiceCode service, LocalDate date) {
        return planner.day(service, date);
    }

    /** Each day of a range with its slots, capacities and bookings, as staff plan them. */
    public Flux<QuotaDay> days(ServiceCode service, LocalDate from, LocalDate to) {
        return planner.days(service, from, to);
    }

    /** Bookings the day holds beyond what it offers now (nothing once re-accommodated). */
    public Mono<CapacityReduced> excess(ServiceCode service, LocalDate date, String reason) {
        return planner.excess(service, date, reason);
    }

    public Mono<QuotaDay> setDay(ServiceCode service, LocalDate date, DayPlan plan) {
        return planner.set(service, date, plan);
    }

    public Mono<TemplateResult> applyTemplate(ServiceCode service, LocalDate from, LocalDate to,
            Map<DayOfWeek, List<DayPlan.SlotPlan>> pattern, @Nullable Integer dayCap, boolean reaccommodate) {
        return planner.applyTemplate(service, from, to, pattern, dayCap, reaccommodate);
    }

    public Flux<HotDate> hotDates(ServiceCode service, int year) {
        return hotDates.list(service, year);
    }

    public Mono<HotDate> addHotDate(ServiceCode service, LocalDate date, String name) {
        return hotDates.add(service, date, name);
    }

    public Mono<Void> removeHotDate(ServiceCode service, LocalDate date) {
        return hotDates.remove(service, date);
    }

    public Mono<HotTemplate> hotTemplate(ServiceCode service) {
        return hotDates.template(service);
    }

    public Mono<HotTemplate> setHotTemplate(ServiceCode service, HotTemplate template) {
        return hotDates.setTemplate(service, template);
    }

    /** What switching the district (or one unit) to a level would change. */
    public Mono<RiskPreview> riskPreview(RiskLevel level, @Nullable Long unitId) {
        return risk.preview(level, unitId);
    }
}
