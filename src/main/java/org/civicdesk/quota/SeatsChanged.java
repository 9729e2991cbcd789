package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The seats left in a slot changed: a booking, a cancellation, a hold that expired, a capacity
 * staff or the risk level changed. Also pushed live to {@code /topic/availability.{service}}.
 *
 * @param service      the service
 * @param date         the day
 * @param slotStart    the slot's start
 * @param remaining    seats an online booking may take now
 * @param capacity     seats the slot offers now (after the risk level and hot-date release)
 * @param dayRemaining seats left in the whole day for online bookings
 */
public record SeatsChanged(ServiceCode service, LocalDate date, LocalTime slotStart, int remaining, int capacity,
        int dayRemaining) {
}
