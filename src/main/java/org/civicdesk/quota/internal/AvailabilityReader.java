package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.FreeSlot;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServicePolicy;
import org.civicdesk.quota.ServiceRules;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seats as citizens see them, read from PostgreSQL (exact, and not on the seat gate's path):
 * which days are open, released and hot, and what each slot has left for a channel now.
 */
@Component
public class AvailabilityReader {

    private static final String NOT_OPENED = "未开放预约";
    private static final String SUSPENDED = "当前疫情风险等级下暂停此项服务";

    private final QuotaRepository quotas;
    private final QuotaCache cache;
    private final QuotaSettings settings;
    private final Platform platform;
    private final Clock clock;

    AvailabilityReader(QuotaRepository quotas, QuotaCache cache, QuotaSettings settings, Platform platform, Clock clock) {
        this.quotas = quotas;
        this.cache = cache;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
    }

    public Flux<AvailabilityDay> availability(ServiceCode service, LocalDate from, LocalDate to, Channel channel) {
        InvalidInput outOfRange = outOfRange(from, to, settings.maxAvailabilityDays());
        if (outOfRange != null) {
            return Flux.error(outOfRange);
        }
        return Mono.zip(cache.rules(service), cache.policy(service), quotas.days(service, from, to).collectMap(QuotaDay::date))
                .flatMapMany(all -> {
                    List<AvailabilityDay> days = new ArrayList<>();
                    Instant now = clock.instant();
                    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                        days.add(view(all.getT1(), all.getT2(), all.getT3().get(date), date, channel, now));
                    }
                    return Flux.fromIterable(days);
                });
    }

    /** The problem with a range of days asked for at once, or {@code null} when it is fine. */
    static @Nullable InvalidInput outOfRange(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from) || from.plusDays(maxDays - 1L).isBefore(to)) {
            return new InvalidInput("invalid-range", "to", "查询范围须为 1 到 " + maxDays + " 天。",
                    "Ask for 1 to " + maxDays + " days at a time.");
        }
        return null;
    }

    /** Slots bookable now with seats left for the channel, in a range of days. */
    public Mono<List<FreeSlot>> free(ServiceCode service, LocalDate from, LocalDate to, Channel channel) {
        return Mono.zip(cache.rules(service), cache.policy(service), quotas.days(service, from, to).collectList())
                .map(all -> {
                    List<FreeSlot> free = new ArrayList<>();
                    Instant now = clock.instant();
                    for (QuotaDay day : all.getT3()) {
                        AvailabilityDay view = view(all.getT1(), all.getT2(), day, day.date(), channel, now);
                        view.slots().stream().filter(slot -> slot.remaining() > 0)
                                .forEach(slot -> free.add(new FreeSlot(day.date(), slot.start(), slot.end(), slot.remaining())));
                    }
                    return free;
                });
    }

    /**
     * The free slots nearest in time to a booked one (the slot itself left out), within the days
     * the service releases; with {@code otherDays} only on other days than its own.
     */
    public Mono<List<FreeSlot>> nearest(ServiceCode service, LocalDate date, LocalTime start, Channel channel, int limit,
            boolean otherDays) {
        LocalDate today = LocalDate.now(clock);
        return cache.rules(service)
                .flatMap(rules -> free(service, today, today.plusDays(rules.maxDaysAhead()), channel))
                .map(free -> {
                    LocalDateTime origin = date.atTime(start);
                    return free.stream()
                            .filter(slot -> !(slot.date().equals(date) && (otherDays || slot.start().equals(start))))
                            .sorted(Comparator.comparing((FreeSlot slot) ->
                                    Duration.between(origin, slot.date().atTime(slot.start())).abs())
                                    .thenComparing(FreeSlot::date).thenComparing(FreeSlot::start))
                            .limit(limit)
                            .toList();
                });
    }

    private AvailabilityDay view(ServiceRules rules, ServicePolicy policy, @Nullable QuotaDay day, LocalDate date,
            Channel channel, Instant now) {
        if (policy.suspended() || (day != null && day.suspended())) {
            return new AvailabilityDay(date, false, SUSPENDED, null, false, null, null, List.of());
        }
        if (day == null || !day.open()) {
            return new AvailabilityDay(date, false, day == null || day.reason() == null ? NOT_OPENED : day.reason(),
                    day != null && day.hot() ? Boolean.TRUE : null, false, null, null, List.of());
        }
        BookingWindow window = new BookingWindow(rules, platform.zone());
        int share = window.share(date, day.hot(), now);
        boolean reserveActive = window.reserveActive(date, now);
        boolean reserveChannel = channel.usesReserve();
        int dayLeft = Seating.dayRemaining(day, share, reserveActive, reserveChannel);
        List<AvailabilityDay.Slot> slots = new ArrayList<>();
        boolean anyInTime = false;
        for (QuotaDay.Slot slot : day.slots()) {
            if (slot.capacity() == 0) {
                continue;
            }
            boolean inTime = window.inTime(date, slot.start(), now);
            anyInTime |= inTime;
            int remaining = inTime ? Math.min(Seating.remaining(slot, share, reserveActive, reserveChannel), dayLeft) : 0;
            slots.add(new AvailabilityDay.Slot(slot.start(), slot.end(), Seating.released(slot.effective(), share), remaining, inTime));
        }
        return new AvailabilityDay(date, true, null, day.hot() ? Boolean.TRUE : null, share > 0 && anyInTime,
                window.nextRelease(date, day.hot(), now), day.hot() ? window.releases(date) : null, slots);
    }
}
