package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civicdesk.booking.Applicant;
import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingConfirmed;
import org.civicdesk.booking.BookingNotChangeable;
import org.civicdesk.booking.BookingNotFound;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.Deceased;
import org.civicdesk.booking.Declaration;
import org.civicdesk.booking.HoldDetails;
import org.civicdesk.booking.Party;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.Seats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A held seat becomes a booking when its citizen confirms in time (with the people named then,
 * if not before: they are checked and locked to this booking now); otherwise it lapses and its
 * seat returns, and a waitlist offer passes to the next in line.
 */
@Component
class Holds {

    private final BookingRepository bookings;
    private final WaitlistRepository waitlist;
    private final ServiceCatalog catalog;
    private final Quotas quotas;
    private final Seats seats;
    private final BookingRules rules;
    private final BookingFlow flow;
    private final PersonalData personalData;
    private final BookingMessages messages;
    private final BookingViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Holds(BookingRepository bookings, WaitlistRepository waitlist, ServiceCatalog catalog, Quotas quotas, Seats seats,
            BookingRules rules, BookingFlow flow, PersonalData personalData, BookingMessages messages, BookingViews views,
            ApplicationEventPublisher events, Clock clock) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.catalog = catalog;
        this.quotas = quotas;
        this.seats = seats;
        this.rules = rules;
        this.flow = flow;
        this.personalData = personalData;
        this.messages = messages;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    Mono<Booking> confirm(String owner, String code, HoldDetails details) {
        Instant now = clock.instant();
        return bookings.find(code).filter(row -> row.ownerPhone().equals(owner))
                .switchIfEmpty(Mono.error(() -> new BookingNotFound(code)))
                .flatMap(row -> {
                    if (row.status() != BookingStatus.HELD) {
                        return Mono.error(row.status() == BookingStatus.EXPIRED ? BookingNotChangeable.holdExpired()
                                : BookingNotChangeable.status(row.status()));
                    }
                    if (row.heldUntil() == null || !row.heldUntil().isAfter(now)) {
                        return expire(code).then(Mono.error(BookingNotChangeable.holdExpired()));
                    }
                    return Mono.zip(catalog.get(row.service()), quotas.policy(row.service()))
                            .flatMap(found -> confirm(row, found.getT1(), rules.check(found.getT1().kind(), found.getT2(),
                                    row.day(), details.parties() != null ? details.parties() : parties(row),
                                    details.applicant() != null ? details.applicant() : applicant(row),
                                    details.deceased() != null ? details.deceased() : deceased(row),
                                    details.companions() != null ? details.companions() : row.companions(),
                                    details.declaration() != null ? details.declaration() : new Declaration(row.travel()),
                                    true), now));
                });
    }

    private Mono<Booking> confirm(BookingRow held, ServiceCatalog.Definition definition, BookingRules.Checked checked,
            Instant now) {
        BookingRow row = new BookingRow(held.id(), held.code(), held.service(), held.day(), held.start(), held.end(),
                BookingStatus.CONFIRMED, held.channel(), held.ownerPhone(), held.idempotencyKey(), held.requestHash(),
                checked.companions(), checked.applicant() == null ? null : checked.applicant().name(),
                checked.applicant() == null ? null : checked.applicant().phone(),
                checked.deceased() == null ? null : checked.deceased().name(),
                checked.deceased() == null ? null : checked.deceased().specialHandling(), checked.travel(), null,
                held.changes(), held.createdAt(), flow.partyRows(checked));
        Mono<BookingRow> work = flow.refuseIfSuspended(definition, held.channel(), held.ownerPhone(), checked)
                .then(bookings.transition(held.code(), Set.of(BookingStatus.HELD), BookingStatus.CONFIRMED, now, null))
                .flatMap(ok -> !ok ? Mono.error(BookingNotChangeable.holdExpired())
                        : bookings.completeHold(row, now)
                                .then(waitlist.settleOffer(held.code(), "BOOKED", now))
                                .then(messages.confirmed(row))
                                .thenReturn(row));
        return seats.lockPersons(held.code(), checked.personKeys(), work)
                .doOnNext(confirmed -> events.publishEvent(new BookingConfirmed(confirmed.code(), confirmed.service(),
                        confirmed.day(), confirmed.start(), confirmed.channel())))
                .map(confirmed -> views.of(confirmed, definition));
    }

    /** Lets a hold lapse if its time is up; false when it was confirmed or released meanwhile. */
    Mono<Boolean> expire(String code) {
        Instant now = clock.instant();
        return seats.release(code, bookings.expireHold(code, now)
                        .flatMap(expired -> expired ? waitlist.settleOffer(code, "EXPIRED", now).thenReturn(true)
                                : Mono.error(new NotExpired())))
                .onErrorResume(NotExpired.class, ex -> Mono.just(false));
    }

    private List<Party> parties(BookingRow row) {
        return row.parties().stream().map(p -> new Party(p.name(), personalData.decrypt(p.idCipher()))).toList();
    }

    private static Applicant applicant(BookingRow row) {
        return row.applicantName() == null || row.applicantPhone() == null ? null
                : new Applicant(row.applicantName(), row.applicantPhone());
    }

    private static Deceased deceased(BookingRow row) {
        return row.deceasedName() == null ? null : new Deceased(row.deceasedName(), Boolean.TRUE.equals(row.specialHandling()));
    }

    /** The hold was confirmed or released before it could lapse. */
    private static final class NotExpired extends RuntimeException {
        NotExpired() {
            super("Hold not expired", null, false, false);
        }
    }
}
