package org.civicdesk.sms;

/** Why a message is sent; shown to staff in the outbox and used to tell essential from not. */
public enum SmsPurpose {
    /** A one-time code proving a phone. */
    VERIFICATION,
    /** A booking confirmed, changed or cancelled. */
    BOOKING,
    /** The reminder the day before. */
    REMINDER,
    /** A freed seat offered to the next on a waitlist. */
    WAITLIST,
    /** A notice to a unit's duty contacts. */
    NOTICE,
    /** A notice not acknowledged in time. */
    ESCALATION,
    /** A reply in an SMS or chat conversation. */
    CONVERSATION,
    /** Anything else. */
    OTHER
}
