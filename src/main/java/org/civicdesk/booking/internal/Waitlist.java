package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.WaitlistEntry;
import org.civicdesk.booking.WaitlistRefused;
import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.DayClosed;
import org.civicdesk.quota.FreeSlot;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.SeatRequest;
import org.civicdesk.quota.Seats;
import org.civicdesk.quota.SeatsChanged;
import org.civicdesk.quota.ServiceCode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Citizens waiting for a full day. A seat that frees up is offered to the next in line: held
 * for them for a while (through the seat gate, like any hold) and announced by SMS; if they do
 * not confirm in time the hold lapses, the seat frees up again and goes to the next.
 */
@Component
class Waitlist {

    private static final Log log = LogFactory.getLog(Waitlist.class);
    private static final int MAX_OFFERS_PER_PASS = 50;

    private final WaitlistRepository waitlist;
    private final BookingRepository bookings;
    private final Quotas quotas;
    private final Seats seats;
    private final BookingCodes codes;
    private final BookingMessages messages;
    private final BookingSettings settings;
    private final Clock clock;
    private final Set<String> offering = ConcurrentHashMap.newKeySet();

    Waitlist(WaitlistRepository waitlist, BookingRepository bookings, Quotas quotas, Seats seats, BookingCodes codes,
            BookingMessages messages, BookingSettings settings, Clock clock) {
        this.waitlist = waitlist;
        this.bookings = bookings;
        this.quotas = quotas;
        this.seats = seats;
        this.codes = codes;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<WaitlistEntry> join(String phone, ServiceCode service, LocalDate date, Channel channel) {
        return quotas.availability(service, date, date, channel).next()
                .flatMap(day -> refuseUnlessFull(day)
                        .then(waitlist.join(service, date, phone, channel, clock.instant()))
                        .switchIfEmpty(Mono.error(WaitlistRefused::alreadyWaiting))
                        .flatMap(id -> waitlist.find(id, phone)));
    }

    private static Mono<Void> refuseUnlessFull(AvailabilityDay day) {
        if (!day.open()) {
            return Mono.error(new DayClosed(day.date(), day.reason()));
        }
        if (!day.bookable()) {
            return Mono.error(WaitlistRefused.notBookable());
        }
        boolean seatsLeft = day.slots().stream().anyMatch(slot -> slot.remaining() > 0);
        return seatsLeft ? Mono.error(WaitlistRefused.seatsAvailable()) : Mono.empty();
    }

    Flux<WaitlistEntry> mine(String phone) {
        return waitlist.byPhone(phone);
    }

    Mono<Void> leave(String phone, long id) {
        return waitlist.cancel(id, phone, clock.instant())
                .flatMap(done -> done ? Mono.<Void>empty() : Mono.error(WaitlistRefused.notFound(id)));
    }

    @EventListener
    void on(SeatsChanged changed) {
        if (changed.dayRemaining() > 0) {
            offer(changed.service(), changed.date()).subscribe();
        }
    }

    /** Offers the day's free seats to those waiting, in order, until either runs out. */
    Mono<Void> offer(ServiceCode service, LocalDate date) {
        String key = service + ":" + date;
        if (!offering.add(key)) {
            return Mono.empty();
        }
        return offerNext(service, date).repeat(MAX_OFFERS_PER_PASS - 1L).takeWhile(Boolean::booleanValue).then()
                .onErrorResume(ex -> {
                    log.warn("Waitlist offers for " + key + " stopped: " + ex.getMessage());
                    return Mono.empty();
                })
                .doFinally(signal -> offering.remove(key));
    }

    /** Offers one seat to the next in line; false when nobody waits or no seat is free for them. */
    private Mono<Boolean> offerNext(ServiceCode service, LocalDate date) {
        return waitlist.next(service, date)
                .flatMap(next -> quotas.freeSlots(service, date, date, next.channel())
                        .flatMap(free -> free.isEmpty() ? Mono.just(false) : hold(next, free.get(0))))
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> hold(WaitlistRepository.Waiting next, FreeSlot slot) {
        Instant now = clock.instant();
        Instant until = now.plus(settings.waitlistOfferTtl());
        String code = codes.next();
        SeatRequest request = new SeatRequest(code, next.service(), next.day(), slot.start(), next.channel(), List.of(), null,
                "waitlist:" + next.id());
        return seats.take(request, grant -> {
                    BookingRow row = new BookingRow(0, code, next.service(), next.day(), slot.start(), grant.slotEnd(),
                            BookingStatus.HELD, next.channel(), next.phone(), null, null, 0, null, null, null, null, List.of(),
                            until, 0, now, List.of());
                    return waitlist.offer(next.id(), code, until, now)
                            .flatMap(offered -> offered ? bookings.insert(row, now) : Mono.error(new IllegalStateException(
                                    "Waitlist entry " + next.id() + " was offered a seat elsewhere")))
                            .then(messages.offered(row, next.id()))
                            .thenReturn(true);
                })
                .onErrorResume(org.civicdesk.platform.DomainFailure.class, full -> Mono.just(false));
    }
}
