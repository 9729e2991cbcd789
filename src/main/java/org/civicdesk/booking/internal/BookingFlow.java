package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.BookingConfirmed;
import org.civicdesk.booking.BookingResult;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.booking.IdempotencyProblem;
import org.civicdesk.quota.DuplicateBooking;
import org.civicdesk.quota.IdempotentReplay;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.SeatCodeTaken;
import org.civicdesk.quota.SeatGrant;
import org.civicdesk.quota.SeatRequest;
import org.civicdesk.quota.Seats;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Books: the people are checked in memory, the seat gate takes the seat, and inside its
 * transaction the booking, its encrypted parties and its confirmation SMS are written. A retry
 * with the same idempotency key answers with the first request's booking; a different request
 * under that key is refused. Holds take the seat the same way, for a few minutes, unconfirmed.
 */
@Component
class BookingFlow {

    private static final int CODE_TRIES = 4;

    /**
     * How many times a retry looks for the first request under its key: 50 ms apart at first, then
     * up to 250 ms apart ({@link #replayPause}), about 10 s in all. A first request is written
     * within that even in a rush on a busy machine (3 s was not always enough there); after it the
     * retry gets 409 {@code booking-in-progress} and asks again.
     */
    static final int REPLAY_LOOKS = 50;

    private final ServiceCatalog catalog;
    private final Quotas quotas;
    private final Seats seats;
    private final BookingRules rules;
    private final BookingRepository bookings;
    private final BookingCodes codes;
    private final PersonalData personalData;
    private final NoShows noShows;
    private final BookingMessages messages;
    private final BookingViews views;
    private final BookingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingFlow(ServiceCatalog catalog, Quotas quotas, Seats seats, BookingRules rules, BookingRepository bookings,
            BookingCodes codes, PersonalData personalData, NoShows noShows, BookingMessages messages, BookingViews views,
            BookingSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.quotas = quotas;
        this.seats = seats;
        this.rules = rules;
        this.bookings = bookings;
        this.codes = codes;
        this.personalData = personalData;
        this.noShows = noShows;
        this.messages = messages;
        this.views = views;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Books a seat (confirmed at once) or holds one (a few minutes, people optional). */
    Mono<BookingResult> book(String owner, BookingCommand command, @Nullable String idempotencyKey, boolean hold) {
        // A crowd on a slot that is already full is answered before its people are checked.
        Mono<Void> full = refuseIfKnownFull(owner, command, idempotencyKey);
        return full.then(Mono.zip(catalog.get(command.service()), quotas.policy(command.service()))).flatMap(found -> {
            ServiceCatalog.Definition definition = found.getT1();
            BookingRules.Checked checked = rules.check(definition.kind(), found.getT2(), command.date(), command.parties(),
                    command.applicant(), command.deceased(), command.companions(), command.declaration(), !hold);
            String fingerprint = BookingRules.fingerprint(hold, command.service(), command.date(), command.slotStart(),
                    command.channel(), checked.companions(), checked.parties().stream()
                            .map(p -> p.name() + "/" + p.id().number()).toList(),
                    checked.applicant(), checked.deceased(), checked.travel());
            Attempt attempt = new Attempt(owner, command, definition, checked, idempotencyKey, fingerprint, hold);
            return attempt(attempt, CODE_TRIES);
        });
    }

    /**
     * Refuses at once an attempt on a slot this instance found full a moment ago, unless its
     * idempotency key took a seat there; completes empty when the seat gate must be asked.
     */
    Mono<Void> refuseIfKnownFull(String owner, BookingCommand command, @Nullable String idempotencyKey) {
        return seats.refuseIfKnownFull(command.service(), command.date(), command.slotStart(), command.channel(),
                idempotencyKey == null ? null : scope(owner, idempotencyKey));
    }

    private Mono<BookingResult> attempt(Attempt a, int triesLeft) {
        String code = codes.next();
        SeatRequest request = new SeatRequest(code, a.command().service(), a.command().date(), a.command().slotStart(),
                a.command().channel(), a.hold() ? List.of() : a.checked().personKeys(),
                a.key() == null ? null : scope(a.owner(), a.key()), a.fingerprint());
        return seats.take(request, grant -> write(grant, a))
                .flatMap(row -> {
                    if (!a.hold()) {
                        events.publishEvent(new BookingConfirmed(row.code(), row.service(), row.day(), row.start(), row.channel()));
                    }
                    return Mono.just(new BookingResult(views.of(row, a.definition()), false));
                })
                .onErrorResume(SeatCodeTaken.class, ex -> triesLeft > 1 ? attempt(a, triesLeft - 1) : Mono.error(ex))
                .onErrorResume(IdempotentReplay.class, ex -> replay(a, ex.fingerprint()))
                .onErrorResume(KeyUsed.class, ex -> replay(a, null))
                .onErrorResume(DuplicateBooking.class, ex -> a.key() == null ? Mono.error(ex)
                        : bookings.findByKey(a.owner(), a.key()).flatMap(row -> answer(a, row)).switchIfEmpty(Mono.error(ex)));
    }

    /** Where the seat gate keeps an owner's idempotency key. */
    private String scope(String owner, String key) {
        return rules.phoneKey(owner) + ":" + key;
    }

    /** Inside the seat's transaction: the booking, its parties, its confirmation. */
    private Mono<BookingRow> write(SeatGrant grant, Attempt a) {
        Instant now = clock.instant();
        BookingRules.Checked checked = a.checked();
        BookingRow row = new BookingRow(0, grant.code(), grant.service(), grant.date(), grant.slotStart(), grant.slotEnd(),
                a.hold() ? BookingStatus.HELD : BookingStatus.CONFIRMED, grant.channel(), a.owner(), a.key(), a.fingerprint(),
                checked.companions(), checked.applicant() == null ? null : checked.applicant().name(),
                checked.applicant() == null ? null : checked.applicant().phone(),
                checked.deceased() == null ? null : checked.deceased().name(),
                checked.deceased() == null ? null : checked.deceased().specialHandling(), checked.travel(),
                a.hold() ? now.plus(settings.holdTtl()) : null, 0, now, partyRows(checked));
        Mono<Void> suspension = a.hold() ? Mono.empty() : refuseIfSuspended(a.definition(), grant.channel(), a.owner(), checked);
        return suspension
                .then(bookings.insert(row, now))
                .onErrorMap(ex -> ex instanceof DuplicateKeyException && String.valueOf(ex.getMessage()).contains("bookings_code_key"),
                        ex -> new SeatCodeTaken(grant.code()))
                .switchIfEmpty(Mono.error(KeyUsed::new))
                .flatMap(id -> (a.hold() ? Mono.<Void>empty() : messages.confirmed(row)).thenReturn(row));
    }

    /** Online marriage bookings are refused while a party or the phone is suspended for no-shows. */
    Mono<Void> refuseIfSuspended(ServiceCatalog.Definition definition, org.civicdesk.quota.Channel channel, String owner,
            BookingRules.Checked checked) {
        if (definition.kind() != ServiceCatalog.Kind.MARRIAGE || channel == org.civicdesk.quota.Channel.COUNTER) {
            return Mono.empty();
        }
        List<String> keys = new ArrayList<>(checked.personKeys());
        keys.add(rules.phoneKey(owner));
        return noShows.refuseIfSuspended(keys);
    }

    List<BookingRow.PartyRow> partyRows(BookingRules.Checked checked) {
        return checked.parties().stream()
                .map(p -> new BookingRow.PartyRow(p.name(), personalData.encrypt(p.id().number()),
                        personalData.hash("id:" + p.id().number()), p.id().masked()))
                .toList();
    }

    /**
     * The first request under this key made (or is making) a booking: the same request gets it
     * back; a different one is refused. A first request still running is waited for a little.
     */
    private Mono<BookingResult> replay(Attempt a, @Nullable String firstFingerprint) {
        if (a.key() == null || (firstFingerprint != null && !firstFingerprint.equals(a.fingerprint()))) {
            return Mono.error(IdempotencyProblem.reused());
        }
        return Mono.defer(() -> bookings.findByKey(a.owner(), a.key()))
                .repeatWhenEmpty(empties -> empties.index().takeWhile(n -> n.getT1() < REPLAY_LOOKS)
                        .concatMap(n -> Mono.delay(replayPause(n.getT1())).thenReturn(n.getT2())))
                .switchIfEmpty(Mono.error(IdempotencyProblem::inProgress))
                .flatMap(row -> answer(a, row));
    }

    /** The pause before a retry's next look for the first request under its key. */
    static Duration replayPause(long look) {
        return Duration.ofMillis(Math.min(250, 50 * (1 + look / 5)));
    }

    private Mono<BookingResult> answer(Attempt a, BookingRow row) {
        return a.fingerprint().equals(row.requestHash())
                ? Mono.just(new BookingResult(views.of(row, a.definition()), true))
                : Mono.error(IdempotencyProblem.reused());
    }

    /** Everything one booking request needs, across code retries. */
    private record Attempt(String owner, BookingCommand command, ServiceCatalog.Definition definition,
            BookingRules.Checked checked, @Nullable String key, String fingerprint, boolean hold) {
    }

    /** The owner already used the idempotency key (found by PostgreSQL when Redis could not tell). */
    private static final class KeyUsed extends RuntimeException {
        KeyUsed() {
            super("Idempotency key already used", null, false, false);
        }
    }
}
