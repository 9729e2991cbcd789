package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.quota.ServiceCode;

/**
 * A booking was cancelled, by its citizen or because capacity fell and no seat was left.
 *
 * @param code      its reference
 * @param service   the service
 * @param date      the day it was for
 * @param slotStart the slot it was for
 * @param reason    {@code CITIZEN} or {@code CAPACITY_REDUCED}
 */
public record BookingCancelled(String code, ServiceCode service, LocalDate date, LocalTime slotStart, String reason) {
}
