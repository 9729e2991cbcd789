package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Capacity fell below what is already booked (staff asked to re-accommodate, or the risk level
 * rose): the booking module moves the excess bookings to the nearest free slots and tells those
 * citizens.
 *
 * @param service  the service
 * @param date     the day
 * @param slots    the slots holding more bookings than they now may
 * @param dayExcess bookings beyond the day's cap once the slots are dealt with
 * @param reason   why, for the message to the citizens
 */
public record CapacityReduced(ServiceCode service, LocalDate date, List<Excess> slots, int dayExcess, String reason) {

    public CapacityReduced {
        slots = List.copyOf(slots);
    }

    /**
     * @param slotStart the slot
     * @param excess    how many of its bookings must move
     */
    public record Excess(LocalTime slotStart, int excess) {
    }
}
