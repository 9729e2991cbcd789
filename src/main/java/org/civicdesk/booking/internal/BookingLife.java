package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingCancelled;
import org.civicdesk.booking.BookingNotChangeable;
import org.civicdesk.booking.BookingNotFound;
import org.civicdesk.booking.BookingRescheduled;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.UnderMarriageAge;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.FreeSlot;
import org.civicdesk.quota.Seats;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A booking's life after it is made, as its citizen drives it: cancelled (before the cutoff;
 * a hold at any time) and rescheduled (the new seat taken before the old one is given up), each
 * confirmed by SMS. Only the citizen whose phone made a booking sees or changes it.
 */
@Component
class BookingLife {

    private final BookingRepository bookings;
    private final WaitlistRepository waitlist;
    private final Seats seats;
    private final PersonalData personalData;
    private final BookingMessages messages;
    private final BookingViews views;
    private final BookingSettings settings;
    private final ApplicationEventPublisher events;
    private final Platform platform;
    private final Clock clock;

    BookingLife(BookingRepository bookings, WaitlistRepository waitlist, Seats seats, PersonalData personalData,
            BookingMessages messages, BookingViews views, BookingSettings settings, ApplicationEventPublisher events,
            Platform platform, Clock clock) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.seats = seats;
        this.personalData = personalData;
        this.messages = messages;
        this.views = views;
        this.settings = settings;
        this.events = events;
        this.platform = platform;
        this.clock = clock;
    }

    /** The caller's own booking, or {@link BookingNotFound} (also for somebody else's). */
    Mono<BookingRow> own(String owner, String code) {
        return bookings.find(code).filter(row -> row.ownerPhone().equals(owner))
                .switchIfEmpty(Mono.error(() -> new BookingNotFound(code)));
    }

    Mono<Booking> cancel(String owner, String code) {
        Instant now = clock.instant();
        return own(owner, code).flatMap(row -> {
            if (row.status() == BookingStatus.CONFIRMED) {
                refuseAfterCutoff(row, now);
            }
            else if (row.status() != BookingStatus.HELD) {
                return Mono.error(BookingNotChangeable.status(row.status()));
            }
            Mono<Boolean> work = bookings.transition(code, Set.of(row.status()), BookingStatus.CANCELLED, now, "CITIZEN")
                    .flatMap(ok -> !ok ? Mono.error(BookingNotChangeable.status(row.status()))
                            : row.status() == BookingStatus.CONFIRMED ? messages.cancelled(row).thenReturn(true)
                                    : waitlist.settleOffer(code, "EXPIRED", now).thenReturn(true));
            return seats.release(code, work)
                    .doOnNext(ok -> events.publishEvent(new BookingCancelled(code, row.service(), row.day(), row.start(), "CITIZEN")))
                    .then(bookings.find(code)).flatMap(views::of);
        });
    }

    Mono<Booking> reschedule(String owner, String code, LocalDate date, LocalTime start) {
        Instant now = clock.instant();
        return own(owner, code).flatMap(row -> {
            if (row.status() != BookingStatus.CONFIRMED) {
                return Mono.error(BookingNotChangeable.status(row.status()));
            }
            refuseAfterCutoff(row, now);
            refuseUnderAge(row, date);
            return move(row, date, start, null, List.of());
        });
    }

    /**
     * Moves a booking (the citizen's wish, or re-accommodation when capacity fell) and tells the
     * citizen; with a {@code reason} the message says why and lists {@code alternatives}.
     */
    Mono<Booking> move(BookingRow row, LocalDate date, LocalTime start, @Nullable String reason,
            List<FreeSlot> alternatives) {
        Instant now = clock.instant();
        return seats.move(row.code(), date, start, grant -> bookings.moved(row.code(), date, start, grant.slotEnd(), now)
                        .flatMap(changes -> (reason == null
                                ? messages.rescheduled(row, date, start, grant.slotEnd(), changes)
                                : messages.moved(row, new FreeSlot(date, start, grant.slotEnd(), 0),
                                        alternatives, reason, changes))
                                .thenReturn(changes)))
                .doOnNext(changes -> events.publishEvent(new BookingRescheduled(row.code(), row.service(), row.day(),
                        row.start(), date, start)))
                .then(bookings.find(row.code())).flatMap(views::of);
    }

    /** Cancels a booking the bureau cannot keep (no seat left after capacity fell) and tells the citizen. */
    Mono<Void> displace(BookingRow row, String reason) {
        Instant now = clock.instant();
        Mono<Boolean> work = bookings.transition(row.code(), Set.of(BookingStatus.CONFIRMED, BookingStatus.HELD),
                        BookingStatus.CANCELLED, now, "CAPACITY_REDUCED")
                .flatMap(ok -> !ok ? Mono.just(false)
                        : (row.status() == BookingStatus.CONFIRMED ? messages.displaced(row, reason)
                                : waitlist.settleOffer(row.code(), "EXPIRED", now)).thenReturn(true));
        return seats.release(row.code(), work)
                .doOnNext(done -> {
                    if (done) {
                        events.publishEvent(new BookingCancelled(row.code(), row.service(), row.day(), row.start(),
                                "CAPACITY_REDUCED"));
                    }
                })
                .then();
    }

    private void refuseAfterCutoff(BookingRow row, Instant now) {
        Instant start = row.day().atTime(row.start()).atZone(platform.zone()).toInstant();
        if (!now.isBefore(start.minus(settings.cancelCutoff()))) {
            throw BookingNotChangeable.pastCutoff(settings.cancelCutoff().toMinutes());
        }
    }

    /** Marriage registration moved to another day: both parties must still be of age on it. */
    void refuseUnderAge(BookingRow row, LocalDate date) {
        List<String> numbers = new ArrayList<>();
        row.parties().forEach(party -> numbers.add(personalData.decrypt(party.idCipher())));
        for (int i = 0; i < numbers.size(); i++) {
            ResidentId id = ResidentId.parse(numbers.get(i), "parties[" + i + "].idNumber", LocalDate.now(clock));
            if (id.ageOn(date) < id.marriageAge()) {
                throw new UnderMarriageAge("date", id.marriageAge());
            }
        }
    }
}
