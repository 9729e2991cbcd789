package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A seat the gate has let through, handed to the caller inside the PostgreSQL transaction that
 * makes it final.
 *
 * @param code      the reference the seat is held under
 * @param service   the service
 * @param date      the day
 * @param slotStart the slot's start
 * @param slotEnd   the slot's end
 * @param channel   the channel it was taken for
 */
public record SeatGrant(String code, ServiceCode service, LocalDate date, LocalTime slotStart, LocalTime slotEnd,
        Channel channel) {
}
