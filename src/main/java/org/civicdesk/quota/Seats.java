package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

import org.civicdesk.quota.internal.SeatChanges;
import org.civicdesk.quota.internal.SeatGate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The seat gate: no slot is ever overbooked, whatever the load and however many instances run.
 * A request is checked from memory, takes its seat in Redis with one script (slot, day, people,
 * idempotency key — all or nothing), and is made final by one PostgreSQL transaction that
 * writes the caller's rows together with conditional counter updates. PostgreSQL decides; with
 * Redis away it decides alone.
 * <p>
 * Every method takes the caller's work as a publisher that runs inside that transaction, so a
 * booking and its seat are written, or neither is.
 */
@Service
public class Seats {

    private final SeatGate gate;
    private final SeatChanges changes;

    Seats(SeatGate gate, SeatChanges changes) {
        this.gate = gate;
        this.changes = changes;
    }

    /**
     * Takes a seat.
     *
     * @param request       what, for whom, under which idempotency key
     * @param inTransaction writes the caller's rows for the granted seat; must emit a value
     * @return what {@code inTransaction} emitted; errors: {@link DayClosed}, {@link SlotNotFound},
     *         {@link OutsideBookingWindow}, {@link SlotFull}, {@link DayFull}, {@link DuplicateBooking},
     *         {@link IdempotentReplay}, {@link SeatCodeTaken}, or the caller's own
     */
    public <T> Mono<T> take(SeatRequest request, Function<SeatGrant, Mono<T>> inTransaction) {
        return gate.take(request, inTransaction);
    }

    /**
     * Refuses at once ({@link SlotFull}, {@link DayFull}, or the day's, slot's and booking window's
     * refusals) an attempt on a slot the gate found full a moment ago, so that the caller need not
     * check the people first; completes empty when the attempt should go on to {@link #take}. A
     * retry under an idempotency key that got a seat is never refused here.
     */
    public Mono<Void> refuseIfKnownFull(ServiceCode service, LocalDate date, LocalTime slotStart, Channel channel,
            @Nullable String idempotencyScope) {
        return gate.refuseIfKnownFull(service, date, slotStart, channel, idempotencyScope);
    }

    /** Moves a seat to another slot: the new seat is taken before the old one is given up. */
    public <T> Mono<T> move(String code, LocalDate date, LocalTime slotStart, Function<SeatGrant, Mono<T>> inTransaction) {
        return changes.move(code, date, slotStart, inTransaction);
    }

    /** Gives a seat back (cancelled, expired) together with the caller's change. */
    public <T> Mono<T> release(String code, Mono<T> inTransaction) {
        return changes.release(code, inTransaction);
    }

    /** Frees the people of a seat that stays counted (checked in, no-show). */
    public <T> Mono<T> settle(String code, Mono<T> inTransaction) {
        return changes.settle(code, inTransaction);
    }

    /** Names the people of a held seat; {@link DuplicateBooking} if one holds another active seat. */
    public <T> Mono<T> lockPersons(String code, List<String> personKeys, Mono<T> inTransaction) {
        return changes.lockPersons(code, personKeys, inTransaction);
    }
}
