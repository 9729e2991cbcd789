package org.civicdesk.quota.internal;

import org.civicdesk.quota.QuotaDay;

/**
 * The arithmetic of seats, the same in Java, in the Redis script and in the conditional
 * PostgreSQL update: a hot date's released share (in permille) of the effective capacity, less
 * the seats still held back for phone and counter while the hold-back lasts.
 */
final class Seating {

    static final int ALL = 1000;

    private Seating() {
    }

    static int released(int effective, int sharePermille) {
        return effective * sharePermille / ALL;
    }

    /** The most bookings the slot may hold for a request on this channel now. */
    static int limit(QuotaDay.Slot slot, int sharePermille, boolean reserveActive, boolean reserveChannel) {
        int released = released(slot.effective(), sharePermille);
        if (!reserveActive || reserveChannel) {
            return released;
        }
        int reserved = Math.min(slot.reserved(), released);
        return released - Math.max(reserved - slot.reserveBooked(), 0);
    }

    static int remaining(QuotaDay.Slot slot, int sharePermille, boolean reserveActive, boolean reserveChannel) {
        return Math.max(limit(slot, sharePermille, reserveActive, reserveChannel) - slot.booked(), 0);
    }

    /** Seats left in the whole day for this channel: the slots' and the day cap's, whichever is less. */
    static int dayRemaining(QuotaDay day, int sharePermille, boolean reserveActive, boolean reserveChannel) {
        int slots = day.slots().stream()
                .mapToInt(slot -> remaining(slot, sharePermille, reserveActive, reserveChannel))
                .sum();
        if (day.dayCapEffective() == null) {
            return slots;
        }
        return Math.max(0, Math.min(slots, released(day.dayCapEffective(), sharePermille) - day.booked()));
    }
}
