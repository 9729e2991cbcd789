package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.civicdesk.quota.DayFull;
import org.civicdesk.quota.SeatsChanged;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.SlotFull;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance answers "full" from memory only for what the gate answered a moment ago, under the
 * same conditions, and never to a retry of a request that got a seat.
 */
class FullSlotsTests {

    private static final LocalDate DAY = LocalDate.of(2027, 5, 20);
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final FullSlots.Key KEY = new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 1000, false, false);

    private final AtomicLong now = new AtomicLong();
    private final FullSlots slots = new FullSlots(Duration.ofSeconds(1), now::get);

    @Test
    void aFullSlotIsRefusedFromMemoryUntilTheMemoryRunsOut() {
        assertThat(slots.refusal(KEY, null)).isNull();
        assertThat(slots.wants(KEY)).isTrue();
        slots.remember(KEY, false, Set.of());
        assertThat(slots.wants(KEY)).isFalse();
        assertThat(slots.refusal(KEY, "seat-idem:other")).isInstanceOf(SlotFull.class);

        now.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThat(slots.refusal(KEY, null)).isNull();
        assertThat(slots.wants(KEY)).isTrue();
    }

    @Test
    void aRetryUnderAKeyThatGotASeatIsLeftToTheGate() {
        slots.remember(KEY, true, Set.of("seat-idem:winner"));
        assertThat(slots.refusal(KEY, "seat-idem:winner")).isNull();
        assertThat(slots.refusal(KEY, "seat-idem:newcomer")).isInstanceOf(DayFull.class);
    }

    @Test
    void otherConditionsAskTheGateAgain() {
        slots.remember(KEY, false, Set.of());
        // A new release tranche, seats held back, a channel that may use them, another slot.
        assertThat(slots.refusal(new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 500, false, false), null)).isNull();
        assertThat(slots.refusal(new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 1000, true, false), null)).isNull();
        assertThat(slots.refusal(new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 1000, false, true), null)).isNull();
        assertThat(slots.refusal(new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE.plusMinutes(30), 1000, false,
                false), null)).isNull();
        assertThat(slots.refusal(KEY, null)).isInstanceOf(SlotFull.class);
    }

    @Test
    void seatsGivenBackForgetTheSlotButSeatsTakenDoNot() {
        slots.remember(KEY, false, Set.of());
        FullSlots.Key otherDay = new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY.plusDays(1), NINE, 1000, false, false);
        slots.remember(otherDay, false, Set.of());
        // Bookings being written while the crowd comes: this slot still full, another one with a seat left.
        slots.on(new SeatsChanged(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 0, 20, 7));
        slots.on(new SeatsChanged(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE.plusMinutes(30), 1, 20, 7));
        assertThat(slots.refusal(KEY, null)).isInstanceOf(SlotFull.class);
        // A cancellation gives a seat back in this slot: the gate is asked again.
        slots.on(new SeatsChanged(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 1, 20, 8));
        assertThat(slots.refusal(KEY, null)).isNull();
        assertThat(slots.refusal(otherDay, null)).isInstanceOf(SlotFull.class);
    }

    @Test
    void aFullDayIsForgottenWhenTheDayHasSeatsAgainAndHeldBackSeatsOnAnyChange() {
        FullSlots.Key phone = new FullSlots.Key(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE, 1000, true, true);
        slots.remember(KEY, true, Set.of());
        slots.remember(phone, false, Set.of());
        slots.on(new SeatsChanged(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE.plusMinutes(30), 0, 20, 0));
        assertThat(slots.refusal(KEY, null)).isInstanceOf(DayFull.class);
        assertThat(slots.refusal(phone, null)).isNull();
        slots.on(new SeatsChanged(ServiceCode.MARRIAGE_REGISTRATION, DAY, NINE.plusMinutes(30), 1, 20, 1));
        assertThat(slots.refusal(KEY, null)).isNull();
    }

    @Test
    void withNoMemoryTheGateIsAskedEveryTime() {
        FullSlots none = new FullSlots(Duration.ZERO, now::get);
        assertThat(none.wants(KEY)).isFalse();
        none.remember(KEY, false, Set.of());
        assertThat(none.refusal(KEY, null)).isNull();
        assertThat(none.size()).isZero();
    }
}
