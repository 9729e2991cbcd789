package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

import org.civicdesk.platform.DomainFailure;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.DayClosed;
import org.civicdesk.quota.DayFull;
import org.civicdesk.quota.DuplicateBooking;
import org.civicdesk.quota.IdempotentReplay;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.SeatCodeTaken;
import org.civicdesk.quota.SeatGrant;
import org.civicdesk.quota.SeatRequest;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServicePolicy;
import org.civicdesk.quota.ServiceRules;
import org.civicdesk.quota.SlotFull;
import org.civicdesk.quota.SlotNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The seat gate of ARCHITECTURE.md. Everything is checked from memory first; one Redis script
 * then takes the seat (slot, day, people, idempotency key) or answers "full" without PostgreSQL;
 * one PostgreSQL transaction writes the caller's rows and the conditional counter updates, and
 * decides. A seat PostgreSQL refuses is given back in Redis. With Redis away, PostgreSQL alone.
 */
@Component
public class SeatGate {

    private final QuotaCache cache;
    private final SeatCounters counters;
    private final SeatRepository seats;
    private final CounterKeeper keeper;
    private final QuotaEvents events;
    private final TransactionalOperator tx;
    private final Platform platform;
    private final Clock clock;
    private final GateMetrics metrics;
    private final FullSlots fullSlots;

    SeatGate(QuotaCache cache, SeatCounters counters, SeatRepository seats, CounterKeeper keeper, QuotaEvents events,
            TransactionalOperator tx, Platform platform, Clock clock, GateMetrics metrics, FullSlots fullSlots) {
        this.metrics = metrics;
        this.fullSlots = fullSlots;
        this.cache = cache;
        this.counters = counters;
        this.seats = seats;
        this.keeper = keeper;
        this.events = events;
        this.tx = tx;
        this.platform = platform;
        this.clock = clock;
    }

    /** Where a seat would go and under which conditions, once the rules are checked. */
    record Place(ServiceCode service, LocalDate date, QuotaDay.Slot slot, int share, boolean reserveActive) {
    }

    /** Checks day, slot and booking window from memory; the error is the citizen's answer. */
    public Mono<Place> place(ServiceCode service, LocalDate date, LocalTime start) {
        return Mono.zip(cache.rules(service), cache.day(service, date), cache.policy(service))
                .map(all -> place(all.getT1(), all.getT2(), all.getT3(), start, clock.instant()));
    }

    private Place place(ServiceRules rules, QuotaDay day, ServicePolicy policy, LocalTime start, Instant now) {
        if (policy.suspended()) {
            throw new DayClosed(day.date(), "当前疫情风险等级下暂停此项服务");
        }
        if (!day.open() || day.suspended()) {
            throw new DayClosed(day.date(), day.reason() != null ? day.reason() : day.suspended() ? "当前疫情风险等级下暂停此项服务"
                    : "尚未开放预约");
        }
        QuotaDay.Slot slot = day.slots().stream().filter(s -> s.start().equals(start) && s.capacity() > 0).findFirst()
                .orElseThrow(() -> new SlotNotFound(day.date(), start));
        BookingWindow window = new BookingWindow(rules, platform.zone());
        int share = window.check(day.date(), start, day.hot(), now);
        return new Place(day.service(), day.date(), slot, share, window.reserveActive(day.date(), now));
    }

    /**
     * Refuses at once an attempt on a slot the gate found full a moment ago (see {@link FullSlots}),
     * before the caller checks the people or asks Redis; completes empty otherwise, also when the
     * day, slot or booking window refuses it (that answer is {@link #take}'s, after the caller's
     * own checks, as always).
     */
    public Mono<Void> refuseIfKnownFull(ServiceCode service, LocalDate date, LocalTime start, Channel channel,
            @Nullable String idempotencyScope) {
        return place(service, date, start)
                .onErrorResume(DomainFailure.class, ex -> Mono.empty())
                .flatMap(place -> {
                    DomainFailure refusal = knownFull(place, channel, idempotencyScope);
                    return refusal == null ? Mono.<Void>empty() : metrics.timed(service, Mono.<Void>error(refusal));
                });
    }

    /** The refusal this instance remembers for the place, or null when the gate must be asked. */
    private @Nullable DomainFailure knownFull(Place place, Channel channel, @Nullable String idempotencyScope) {
        FullSlots.Key key = new FullSlots.Key(place.service(), place.date(), place.slot().start(), place.share(),
                place.reserveActive(), channel.usesReserve());
        return fullSlots.refusal(key, idempotencyScope == null ? null : counters.idempotencyKey(place.service(), idempotencyScope));
    }

    /** Takes a seat; {@code inTransaction} writes the caller's rows in the same transaction. */
    public <T> Mono<T> take(SeatRequest request, Function<SeatGrant, Mono<T>> inTransaction) {
        return metrics.timed(request.service(), place(request.service(), request.date(), request.slotStart()).flatMap(place -> {
            DomainFailure known = knownFull(place, request.channel(), request.idempotencyScope());
            if (known != null) {
                return Mono.error(known);
            }
            SeatCounters.Ask ask = new SeatCounters.Ask(request.service(), request.date(), request.slotStart(),
                    request.code(), request.channel().usesReserve(), request.idempotencyScope(), request.personKeys(), false);
            SeatGrant grant = new SeatGrant(request.code(), request.service(), request.date(), request.slotStart(),
                    place.slot().end(), request.channel());
            LocalDate today = LocalDate.now(clock);
            Mono<Void> database = seats.insertSeat(request.code(), request.service(), request.date(), request.slotStart(),
                            request.channel())
                    .then(seats.insertPersons(request.service(), request.code(), request.date(), request.personKeys(), today))
                    .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(new DuplicateBooking()));
            Mono<Void> count = claim(place, request.channel(), true);
            return runToTheEnd(viaRedis(ask, place, request.fingerprint(), today)
                    .flatMap(tookInRedis -> {
                        Mono<T> work = Mono.defer(() -> inTransaction.apply(grant))
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The seat's work must emit")));
                        // With Redis's word, the hot row is locked last and briefly; without it, the
                        // conditional update goes first so that a full slot costs no inserts.
                        Mono<T> written = tookInRedis
                                ? work.flatMap(result -> database.then(count).thenReturn(result))
                                : count.then(database).then(work);
                        return finish(written, ask, tookInRedis);
                    }))
                    .doOnSuccess(result -> events.slotsChanged(request.service(), request.date(),
                            List.of(request.slotStart())).subscribe());
        }));
    }

    /**
     * Once Redis is asked, the attempt runs to its end even when the caller goes away (a citizen
     * closing the page during a rush cancels the request): a seat taken in Redis is then written to
     * PostgreSQL or given back, never left counted for nobody until the next counter rebuild.
     */
    static <T> Mono<T> runToTheEnd(Mono<T> attempt) {
        return Mono.deferContextual(context -> {
            // A one-shot sink keeps the outcome for a caller that left (nothing is reported as dropped).
            Sinks.One<T> outcome = Sinks.one();
            attempt.contextWrite(context).subscribe(outcome::tryEmitValue, outcome::tryEmitError, outcome::tryEmitEmpty);
            return outcome.asMono();
        });
    }

    /** Asks Redis: true when it took the seat, false when PostgreSQL must decide alone. */
    Mono<Boolean> viaRedis(SeatCounters.Ask ask, Place place, String fingerprint, LocalDate today) {
        if (!keeper.redisUsable()) {
            return Mono.just(false);
        }
        FullSlots.Key key = new FullSlots.Key(ask.service(), ask.day(), ask.start(), place.share(), place.reserveActive(),
                ask.reserveChannel());
        return counters.take(ask, place.share(), place.reserveActive(), fingerprint, today, fullSlots.wants(key))
                .doOnNext(taken -> {
                    if (taken.scopes() != null) {
                        fullSlots.remember(key, taken.outcome() == SeatCounters.Outcome.DAY_FULL, taken.scopes());
                    }
                })
                .flatMap(taken -> switch (taken.outcome()) {
                    case OK -> Mono.just(true);
                    case SLOT_FULL -> Mono.error(new SlotFull(ask.day(), ask.start()));
                    case DAY_FULL -> Mono.error(new DayFull(ask.day()));
                    case DUPLICATE -> Mono.error(new DuplicateBooking());
                    case IDEM -> Mono.error(replay(taken.prior()));
                    case NOT_READY, NO_SLOT -> {
                        keeper.requestFullRebuild();
                        yield keeper.rebuildDay(ask.service(), ask.day()).thenReturn(false);
                    }
                })
                .onErrorResume(ex -> !(ex instanceof RuntimeException) || isAnswer(ex) ? Mono.error(ex)
                        : Mono.fromRunnable(() -> keeper.redisFailed(ex)).thenReturn(false));
    }

    /**
     * Runs the PostgreSQL transaction, retried once on a deadlock; gives the Redis seat back when
     * it fails, and resynchronises the day when PostgreSQL found full what Redis did not.
     */
    <T> Mono<T> finish(Mono<T> written, SeatCounters.Ask ask, boolean tookInRedis) {
        return tx.transactional(written)
                .retryWhen(Retry.max(2).filter(PessimisticLockingFailureException.class::isInstance))
                .onErrorMap(ex -> ex instanceof DuplicateKeyException && String.valueOf(ex.getMessage()).contains("quota_seats_pkey"),
                        ex -> new SeatCodeTaken(ask.code()))
                .onErrorResume(ex -> {
                    if (!tookInRedis) {
                        return Mono.error(ex);
                    }
                    Mono<Void> resync = ex instanceof SlotFull || ex instanceof DayFull
                            ? keeper.rebuildDay(ask.service(), ask.day()) : Mono.empty();
                    return counters.release(ask, true, true)
                            .onErrorResume(failed -> {
                                keeper.redisFailed(failed);
                                return Mono.empty();
                            })
                            .then(resync)
                            .then(Mono.error(ex));
                });
    }

    /** The conditional counter updates: PostgreSQL's final word on slot and day. */
    Mono<Void> claim(Place place, Channel channel, boolean countDay) {
        ServiceCode service = place.service();
        LocalDate date = place.date();
        LocalTime start = place.slot().start();
        Mono<Boolean> day = countDay ? seats.incrementDay(service, date, place.share()) : Mono.just(true);
        return seats.incrementSlot(service, date, start, place.share(), place.reserveActive(), channel.usesReserve())
                .flatMap(slotOk -> !slotOk ? Mono.error(new SlotFull(date, start))
                        : day.flatMap(dayOk -> dayOk ? Mono.<Void>empty()
                                : seats.dayOpen(service, date).flatMap(open -> Mono.error(open ? new DayFull(date)
                                        : new DayClosed(date, null)))));
    }

    private static boolean isAnswer(Throwable ex) {
        return ex instanceof DomainFailure || ex instanceof IdempotentReplay;
    }

    private static IdempotentReplay replay(@Nullable String prior) {
        String value = prior == null ? "|" : prior;
        int bar = value.indexOf('|');
        return new IdempotentReplay(value.substring(0, Math.max(bar, 0)), value.substring(bar + 1));
    }
}
