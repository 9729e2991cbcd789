package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.quota.ServiceCode;

/**
 * A booking moved to another slot, by its citizen or to re-accommodate it.
 *
 * @param code      its reference
 * @param service   the service
 * @param fromDate  the day before
 * @param fromStart the slot before
 * @param date      the day now
 * @param slotStart the slot now
 */
public record BookingRescheduled(String code, ServiceCode service, LocalDate fromDate, LocalTime fromStart, LocalDate date,
        LocalTime slotStart) {
}
