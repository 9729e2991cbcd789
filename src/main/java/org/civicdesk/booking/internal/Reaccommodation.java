package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.UnderMarriageAge;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.FreeSlot;
import org.civicdesk.quota.Quotas;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Bookings that no longer fit after capacity fell (staff lowered it, or the risk level rose) are
 * moved to the nearest free slot, the citizen told by SMS with a few other free slots to choose
 * from instead; where no slot is left, the booking is cancelled and the citizen told so with the
 * hotline. Holds go first, then the newest bookings. One reduction is handled at a time.
 */
@Component
class Reaccommodation {

    private static final Log log = LogFactory.getLog(Reaccommodation.class);

    private final BookingRepository bookings;
    private final BookingLife life;
    private final Quotas quotas;
    private final BookingSettings settings;
    private final Clock clock;
    private final Sinks.Many<CapacityReduced> queue = Sinks.many().unicast().onBackpressureBuffer();

    Reaccommodation(BookingRepository bookings, BookingLife life, Quotas quotas, BookingSettings settings, Clock clock) {
        this.bookings = bookings;
        this.life = life;
        this.quotas = quotas;
        this.settings = settings;
        this.clock = clock;
        queue.asFlux()
                .concatMap(reduced -> handle(reduced).onErrorResume(ex -> {
                    log.error("Could not re-accommodate bookings of " + reduced.service() + " on " + reduced.date(), ex);
                    return Mono.empty();
                }))
                .subscribe();
    }

    @EventListener
    void on(CapacityReduced reduced) {
        queue.emitNext(reduced, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    Mono<Void> handle(CapacityReduced event) {
        return quotas.excess(event.service(), event.date(), event.reason())
                .flatMapMany(now -> Flux.fromIterable(now.slots()))
                .concatMap(excess -> bookings.activeInSlot(event.service(), event.date(), excess.slotStart(), excess.excess())
                        .concatMap(row -> relocate(row, false, event.reason())))
                .then(quotas.excess(event.service(), event.date(), event.reason()))
                .flatMap(after -> after.dayExcess() == 0 ? Mono.<Void>empty()
                        : bookings.activeInDay(event.service(), event.date(), from(event.date()), after.dayExcess())
                                .concatMap(row -> relocate(row, true, event.reason()))
                                .then());
    }

    private Mono<Void> relocate(BookingRow row, boolean otherDays, String reason) {
        if (row.status() == BookingStatus.HELD) {
            return life.displace(row, reason);
        }
        return quotas.nearestFree(row.service(), row.day(), row.start(), row.channel(), settings.alternatives() + 5, otherDays)
                .map(free -> free.stream().filter(slot -> ofAge(row, slot.date())).toList())
                .flatMap(candidates -> tryMove(row, candidates, reason));
    }

    private Mono<Void> tryMove(BookingRow row, List<FreeSlot> candidates, String reason) {
        if (candidates.isEmpty()) {
            return life.displace(row, reason);
        }
        FreeSlot target = candidates.get(0);
        List<FreeSlot> rest = candidates.subList(1, candidates.size());
        return life.move(row, target.date(), target.start(), reason, rest.stream().limit(settings.alternatives()).toList())
                .then()
                .onErrorResume(DomainFailure.class, taken -> tryMove(row, rest, reason));
    }

    private boolean ofAge(BookingRow row, LocalDate date) {
        try {
            life.refuseUnderAge(row, date);
            return true;
        }
        catch (UnderMarriageAge ex) {
            return false;
        }
    }

    private LocalTime from(LocalDate date) {
        return date.equals(LocalDate.now(clock)) ? LocalTime.now(clock).plusMinutes(1) : LocalTime.MIN;
    }
}
