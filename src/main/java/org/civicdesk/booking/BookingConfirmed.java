package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;

/**
 * A booking was confirmed (directly, or a hold was confirmed).
 *
 * @param code      its reference
 * @param service   the service
 * @param date      the day
 * @param slotStart the slot
 * @param channel   how it was booked
 */
public record BookingConfirmed(String code, ServiceCode service, LocalDate date, LocalTime slotStart, Channel channel) {
}
