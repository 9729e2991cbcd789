package org.civicdesk.quota;

import java.time.LocalDate;

/**
 * A date many want (5/20 sounds like "I love you"): its own capacity template and a staggered
 * release.
 *
 * @param date    the date
 * @param name    what it is
 * @param builtin whether it is one of the built-in dates (not removable) or staff added it
 */
public record HotDate(LocalDate date, String name, boolean builtin) {
}
