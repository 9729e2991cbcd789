package org.civicdesk.broadcast;

/** How a unit acknowledged a notice. */
public enum AckChannel {
    /** {@code POST /api/v1/units/me/notices/{id}/acknowledgement}. */
    HTTP,
    /** {@code SEND /app/notices/{id}/ack} on the unit's board. */
    STOMP
}
