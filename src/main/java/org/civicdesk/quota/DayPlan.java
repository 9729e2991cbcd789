package org.civicdesk.quota;

import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What staff want a day to offer: its slots and an optional day cap, or closed with a reason.
 *
 * @param slots         the slots (empty when closing)
 * @param dayCap        a cap on the whole day on top of the slots, or null
 * @param closed        whether the day takes no bookings
 * @param reason        why it is closed
 * @param reaccommodate whether bookings beyond a lowered capacity are moved (and their citizens
 *                      told) rather than the change refused
 */
public record DayPlan(List<SlotPlan> slots, @Nullable Integer dayCap, boolean closed, @Nullable String reason,
        boolean reaccommodate) {

    public DayPlan {
        slots = List.copyOf(slots);
    }

    /**
     * @param start    when it starts
     * @param end      when it ends
     * @param capacity seats at the normal risk level
     * @param reserved seats held back for phone and counter; null for the service's usual share
     */
    public record SlotPlan(LocalTime start, LocalTime end, int capacity, @Nullable Integer reserved) {
    }
}
