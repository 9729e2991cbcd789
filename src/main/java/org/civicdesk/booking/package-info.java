/**
 * Lets citizens book marriage registration and funeral services without crowding: the
 * services, bookings and their life (held, confirmed, checked in, cancelled, no-show),
 * rescheduling, the waitlist, SMS confirmations and reminders, and the staff's day lists.
 */
@NullMarked
package org.civicdesk.booking;

import org.jspecify.annotations.NullMarked;
