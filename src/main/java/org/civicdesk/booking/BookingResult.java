package org.civicdesk.booking;

/**
 * The answer to a booking request.
 *
 * @param booking  the booking
 * @param replayed whether this is the booking an earlier request with the same idempotency key
 *                 made (nothing new was booked)
 */
public record BookingResult(Booking booking, boolean replayed) {
}
