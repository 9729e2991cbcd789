package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A day's quota as staff see it.
 *
 * @param service          the service
 * @param date             the day
 * @param open             whether staff opened it
 * @param reason           why it is closed
 * @param hot              whether it is a hot date
 * @param suspended        whether the risk level suspends the service
 * @param capacityFactor   the risk level's share of capacity applied
 * @param dayCap           the day cap staff set
 * @param dayCapEffective  that cap after the risk level
 * @param booked           seats taken in the day
 * @param slots            the slots
 */
public record QuotaDay(ServiceCode service, LocalDate date, boolean open, @Nullable String reason, boolean hot,
        boolean suspended, double capacityFactor, @Nullable Integer dayCap, @Nullable Integer dayCapEffective,
        int booked, List<Slot> slots) {

    public QuotaDay {
        slots = List.copyOf(slots);
    }

    /**
     * @param start         when it starts
     * @param end           when it ends
     * @param capacity      seats staff set
     * @param effective     seats after the risk level
     * @param reserved      seats held back for phone and counter until the cutoff
     * @param booked        seats taken
     * @param reserveBooked seats taken by phone and counter bookings
     */
    public record Slot(LocalTime start, LocalTime end, int capacity, int effective, int reserved, int booked,
            int reserveBooked) {
    }
}
