package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.civicdesk.platform.InvalidInput;
import org.civicdesk.quota.DuplicateBooking;
import org.civicdesk.quota.SeatGrant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What happens to a seat after the gate: moved to another slot (the new seat taken before the
 * old one is given up, in one transaction), given back, its people freed (checked in, no-show),
 * or its people named (a hold confirmed). PostgreSQL first; Redis follows after the commit.
 */
@Component
public class SeatChanges {

    private final SeatGate gate;
    private final SeatRepository seats;
    private final SeatCounters counters;
    private final CounterKeeper keeper;
    private final QuotaEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;

    SeatChanges(SeatGate gate, SeatRepository seats, SeatCounters counters, CounterKeeper keeper, QuotaEvents events,
            TransactionalOperator tx, Clock clock) {
        this.gate = gate;
        this.seats = seats;
        this.counters = counters;
        this.keeper = keeper;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Moves a seat; {@code inTransaction} updates the caller's rows in the same transaction. */
    public <T> Mono<T> move(String code, LocalDate date, LocalTime start, Function<SeatGrant, Mono<T>> inTransaction) {
        return seats.find(code).zipWith(seats.personsOf(code)).flatMap(found -> {
            SeatRepository.Seat seat = found.getT1();
            if (seat.day().equals(date) && seat.start().equals(start)) {
                return Mono.error(new InvalidInput("same-slot", "slotStart", "新时段与原时段相同。",
                        "The new slot is the one already booked."));
            }
            boolean sameDay = seat.day().equals(date);
            return gate.place(seat.service(), date, start).flatMap(place -> {
                SeatCounters.Ask ask = new SeatCounters.Ask(seat.service(), date, start, code,
                        seat.channel().usesReserve(), null, found.getT2(), sameDay);
                // Given back on failure without its people: they still hold the old seat.
                SeatCounters.Ask giveBack = new SeatCounters.Ask(seat.service(), date, start, code,
                        seat.channel().usesReserve(), null, List.of(), sameDay);
                SeatCounters.Ask old = new SeatCounters.Ask(seat.service(), seat.day(), seat.start(), code, seat.reserve(),
                        null, List.of(), sameDay);
                SeatGrant grant = new SeatGrant(code, seat.service(), date, start, place.slot().end(), seat.channel());
                Mono<T> written = gate.claim(place, seat.channel(), !sameDay)
                        .then(seats.move(code, date, start))
                        .then(seats.decrement(seat.service(), seat.day(), seat.start(), seat.reserve(), !sameDay))
                        .then(Mono.defer(() -> inTransaction.apply(grant)));
                return gate.viaRedis(ask, place, "move", LocalDate.now(clock))
                        .flatMap(tookInRedis -> gate.finish(written, giveBack, tookInRedis)
                                .flatMap(result -> (tookInRedis ? redis(counters.release(old, true, false)) : Mono.<Void>empty())
                                        .then(events.slotsChanged(seat.service(), seat.day(), List.of(seat.start())))
                                        .then(events.slotsChanged(seat.service(), date, List.of(start)))
                                        .thenReturn(result)));
            });
        });
    }

    /** Gives a seat back (if it still exists) after {@code inTransaction}, in one transaction. */
    public <T> Mono<T> release(String code, Mono<T> inTransaction) {
        Mono<Released<T>> written = inTransaction.flatMap(result -> seats.delete(code)
                .flatMap(seat -> seats.decrement(seat.service(), seat.day(), seat.start(), seat.reserve(), true)
                        .then(seats.deletePersons(code))
                        .map(persons -> new Released<>(result, Optional.of(new SeatCounters.Ask(seat.service(), seat.day(),
                                seat.start(), code, seat.reserve(), null, persons, false)))))
                .defaultIfEmpty(new Released<>(result, Optional.empty())));
        return tx.transactional(written).flatMap(released -> released.seat()
                .map(ask -> redis(counters.release(ask, true, false))
                        .then(events.slotsChanged(ask.service(), ask.day(), List.of(ask.start()))))
                .orElse(Mono.empty())
                .thenReturn(released.result()));
    }

    /** Frees the people of a seat that stays counted (checked in, no-show), in one transaction. */
    public <T> Mono<T> settle(String code, Mono<T> inTransaction) {
        Mono<Released<T>> written = inTransaction.flatMap(result -> seats.find(code)
                .flatMap(seat -> seats.deletePersons(code)
                        .map(persons -> new Released<>(result, Optional.of(new SeatCounters.Ask(seat.service(), seat.day(),
                                seat.start(), code, seat.reserve(), null, persons, false)))))
                .defaultIfEmpty(new Released<>(result, Optional.empty())));
        return tx.transactional(written).flatMap(released -> released.seat()
                .map(ask -> redis(counters.release(ask, false, false)))
                .orElse(Mono.empty())
                .thenReturn(released.result()));
    }

    /** Names the people of a held seat; {@link DuplicateBooking} when one holds another active seat. */
    public <T> Mono<T> lockPersons(String code, List<String> personKeys, Mono<T> inTransaction) {
        LocalDate today = LocalDate.now(clock);
        return seats.find(code).flatMap(seat -> {
            SeatCounters.Ask ask = new SeatCounters.Ask(seat.service(), seat.day(), seat.start(), code, seat.reserve(),
                    null, personKeys, false);
            Mono<Boolean> redisLock = !keeper.redisUsable() ? Mono.just(false)
                    : counters.lockPersons(seat.service(), code, seat.day(), today, personKeys)
                            .flatMap(ok -> ok ? Mono.just(true) : Mono.error(new DuplicateBooking()))
                            .onErrorResume(ex -> !(ex instanceof DuplicateBooking),
                                    ex -> Mono.fromRunnable(() -> keeper.redisFailed(ex)).thenReturn(false));
            Mono<T> written = inTransaction.flatMap(result -> seats.insertPersons(seat.service(), code, seat.day(),
                            personKeys, today)
                    .flatMap(ok -> ok ? Mono.just(result) : Mono.error(new DuplicateBooking())));
            return redisLock.flatMap(locked -> tx.transactional(written)
                    .onErrorResume(ex -> (locked ? redis(counters.release(ask, false, false)) : Mono.<Void>empty())
                            .then(Mono.error(ex))));
        });
    }

    /** Redis follows PostgreSQL; if it cannot, the next rebuild puts it right. */
    private Mono<Void> redis(Mono<Void> call) {
        return call.onErrorResume(ex -> {
            keeper.redisFailed(ex);
            return Mono.empty();
        });
    }

    private record Released<T>(T result, Optional<SeatCounters.Ask> seat) {
    }
}
