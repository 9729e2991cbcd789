package org.civicdesk.booking;

/** Where a booking stands. */
public enum BookingStatus {
    /** A seat held for a few minutes while the citizen confirms (or a waitlist offer). */
    HELD,
    /** Booked: the seat is the citizen's. */
    CONFIRMED,
    /** The citizen came and staff checked them in. */
    CHECKED_IN,
    /** Cancelled by the citizen, or by the bureau when capacity fell and no seat could be found. */
    CANCELLED,
    /** The citizen did not come. */
    NO_SHOW,
    /** A hold nobody confirmed in time. */
    EXPIRED
}
