/**
 * Decides how many people may come: capacity per service, day and slot under the current risk
 * level, booking windows and release times, hot dates released in tranches, seats held back for
 * phone and counter bookings, and the seat gate (Redis first, PostgreSQL deciding) that never
 * lets a slot be overbooked.
 */
@NullMarked
package org.civicdesk.quota;

import org.jspecify.annotations.NullMarked;
