package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A free slot numbered for a caller to choose by pressing or texting its number.
 *
 * @param number    1, 2, 3, … in date and time order
 * @param date      the day
 * @param start     the slot's start
 * @param end       the slot's end
 * @param remaining seats left for the caller's channel
 */
public record NumberedSlot(int number, LocalDate date, LocalTime start, LocalTime end, int remaining) {
}
