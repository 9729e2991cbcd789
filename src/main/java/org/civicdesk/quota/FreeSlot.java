package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A slot with seats a channel may book now.
 *
 * @param date      the day
 * @param start     the slot's start
 * @param end       the slot's end
 * @param remaining seats left for that channel
 */
public record FreeSlot(LocalDate date, LocalTime start, LocalTime end, int remaining) {
}
