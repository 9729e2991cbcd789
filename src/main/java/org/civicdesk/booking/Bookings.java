package org.civicdesk.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.booking.internal.BookingMetrics;
import org.civicdesk.booking.internal.BookingService;
import org.civicdesk.identity.Caller;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bookings, for every channel: the web API uses it for signed-in citizens, and the SMS, voice
 * and WeChat dialogs use it on behalf of a caller whose phone they verified. A booking belongs
 * to the phone that made it: only that phone sees, cancels or moves it.
 * <p>
 * Every failure is a {@link org.civicdesk.platform.DomainFailure} with a stable slug a dialog
 * can turn into words: {@code slot-full}, {@code day-full}, {@code day-closed},
 * {@code slot-not-found}, {@code outside-booking-window}, {@code duplicate-booking},
 * {@code invalid-id-number}, {@code under-marriage-age}, {@code too-many-companions},
 * {@code declaration-blocks-booking}, {@code booking-suspended}, {@code booking-not-found},
 * {@code change-cutoff-passed}, {@code hold-expired}, {@code idempotency-key-reused}, and
 * {@code validation-failed}/{@code invalid-phone}/{@code invalid-parties} for malformed input.
 */
@Service
public class Bookings {

    private final BookingService service;
    private final Quotas quotas;
    private final Clock clock;
    private final BookingMetrics metrics;

    Bookings(BookingService service, Quotas quotas, Clock clock, BookingMetrics metrics) {
        this.metrics = metrics;
        this.service = service;
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * Books a seat, confirmed at once, and sends the confirmation SMS.
     *
     * @param phone          the verified phone of the citizen it is for (any common form)
     * @param command        what to book; {@code command.channel()} says how it came in
     *                       ({@code PHONE} and {@code COUNTER} may use seats held back for them)
     * @param idempotencyKey the client's key for this request: a retry with the same key and the
     *                       same command returns the same booking ({@link BookingResult#replayed()}),
     *                       a different command under it is refused; null for none
     */
    public Mono<BookingResult> book(String phone, BookingCommand command, @Nullable String idempotencyKey) {
        return metrics.counted(command, false,
                Mono.defer(() -> service.book(PhoneNumbers.normalize(phone, "phone"), command, idempotencyKey, false)));
    }

    /** Books for a signed-in citizen (their token's phone). */
    public Mono<BookingResult> book(Caller citizen, BookingCommand command, @Nullable String idempotencyKey) {
        // The token's phone was put in E.164 when it was verified: not parsed again in a rush.
        return metrics.counted(command, false,
                Mono.defer(() -> service.book(phoneOf(citizen), command, idempotencyKey, false)));
    }

    /**
     * Refuses a signed-in citizen's attempt at once when this instance knows the slot is full (and
     * the key took no seat there), counted like any refused attempt; completes empty when the
     * attempt must go on to {@link #book(Caller, BookingCommand, String)}.
     */
    public Mono<Void> refuseIfKnownFull(Caller citizen, BookingCommand command, @Nullable String idempotencyKey) {
        return metrics.refusals(command, Mono.defer(() -> service.refuseIfKnownFull(phoneOf(citizen), command, idempotencyKey)));
    }

    /**
     * Holds a seat for a few minutes (the hold TTL) while a dialog or the confirm screen collects
     * the rest: the people may be named now or at {@link #confirmHold}. An unconfirmed hold lapses
     * and its seat returns.
     */
    public Mono<BookingResult> hold(String phone, BookingCommand command, @Nullable String idempotencyKey) {
        return metrics.counted(command, true,
                Mono.defer(() -> service.book(PhoneNumbers.normalize(phone, "phone"), command, idempotencyKey, true)));
    }

    /** Confirms a hold (also a seat offered from the waitlist), with what was not given before. */
    public Mono<Booking> confirmHold(String phone, String code, HoldDetails details) {
        return Mono.defer(() -> service.confirmHold(PhoneNumbers.normalize(phone, "phone"), code, details));
    }

    /** Cancels a booking before the cutoff (a hold at any time); the seat returns, an SMS confirms it. */
    public Mono<Booking> cancel(String phone, String code) {
        return Mono.defer(() -> service.cancel(PhoneNumbers.normalize(phone, "phone"), code));
    }

    /** Moves a booking to another slot: the new seat is taken before the old one is given up. */
    public Mono<Booking> reschedule(String phone, String code, LocalDate date, LocalTime slotStart) {
        return Mono.defer(() -> service.reschedule(PhoneNumbers.normalize(phone, "phone"), code, date, slotStart));
    }

    /** The phone's bookings, newest day first. */
    public Flux<Booking> findMine(String phone) {
        return Flux.defer(() -> service.mine(PhoneNumbers.normalize(phone, "phone")));
    }

    /** One of the phone's bookings; {@code booking-not-found} for anyone else's. */
    public Mono<Booking> find(String phone, String code) {
        return Mono.defer(() -> service.find(PhoneNumbers.normalize(phone, "phone"), code));
    }

    /** One of the phone's bookings as an iCalendar file. */
    public Mono<String> calendar(String phone, String code) {
        return Mono.defer(() -> service.calendar(PhoneNumbers.normalize(phone, "phone"), code));
    }

    /** The services with their offices, party rules and the limits in force now. */
    public Mono<List<ServiceInfo>> services() {
        return service.services();
    }

    /** Days of a service as the channel sees them (seats held back for phone and counter count for those). */
    public Flux<AvailabilityDay> availability(ServiceCode code, LocalDate from, LocalDate to, Channel channel) {
        return quotas.availability(code, from, to, channel);
    }

    /**
     * The slots bookable now with seats left for the channel, numbered 1, 2, 3… in time order, so a
     * caller can choose one by pressing or texting its number.
     *
     * @param limit at most this many (the first ones)
     */
    public Mono<List<NumberedSlot>> numberedSlots(ServiceCode code, LocalDate from, LocalDate to, Channel channel, int limit) {
        return quotas.freeSlots(code, from, to, channel).map(free -> {
            List<NumberedSlot> numbered = new ArrayList<>();
            for (int i = 0; i < free.size() && i < limit; i++) {
                numbered.add(new NumberedSlot(i + 1, free.get(i).date(), free.get(i).start(), free.get(i).end(),
                        free.get(i).remaining()));
            }
            return numbered;
        });
    }

    /** Joins a full day's waitlist; a freed seat is then held for the phone and announced by SMS. */
    public Mono<WaitlistEntry> joinWaitlist(String phone, ServiceCode code, LocalDate date, Channel channel) {
        return Mono.defer(() -> service.joinWaitlist(PhoneNumbers.normalize(phone, "phone"), code, date, channel));
    }

    public Flux<WaitlistEntry> waitlist(String phone) {
        return Flux.defer(() -> service.waitlist(PhoneNumbers.normalize(phone, "phone")));
    }

    public Mono<Void> leaveWaitlist(String phone, long id) {
        return Mono.defer(() -> service.leaveWaitlist(PhoneNumbers.normalize(phone, "phone"), id));
    }

    /** Today's (or a day's) bookings of the services a staff member serves; all of them with no service given. */
    public Flux<Booking> dayList(Caller staff, @Nullable ServiceCode code, @Nullable LocalDate date) {
        return Flux.defer(() -> service.dayList(staff, code, date != null ? date : LocalDate.now(clock)));
    }

    /** Checks a citizen in on the day, by reference code (as typed) or the QR payload. */
    public Mono<Booking> checkIn(Caller staff, String codeOrQr) {
        return Mono.defer(() -> service.checkIn(staff, codeOrQr));
    }

    /** Marks a booking a no-show once its slot is over. */
    public Mono<Booking> noShow(Caller staff, String code) {
        return Mono.defer(() -> service.noShow(staff, code));
    }

    private static String phoneOf(Caller citizen) {
        if (!citizen.isCitizen() || citizen.phone() == null) {
            throw new org.springframework.security.access.AccessDeniedException("Only citizens book");
        }
        return citizen.phone();
    }
}
