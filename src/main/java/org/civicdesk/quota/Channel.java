package org.civicdesk.quota;

/**
 * How a booking reached us. Phone and counter bookings may use the part of each slot held back
 * for them (so elderly callers are not crowded out online) until the cutoff the day before.
 */
public enum Channel {
    WEB, PHONE, SMS, WECHAT, COUNTER;

    /** Whether this channel may use the seats held back from the shared pool. */
    public boolean usesReserve() {
        return this == PHONE || this == COUNTER;
    }
}
