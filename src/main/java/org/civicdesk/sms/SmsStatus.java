package org.civicdesk.sms;

import java.util.Locale;

/** Where a message stands: ours until Twilio has it, then what Twilio reports. */
public enum SmsStatus {
    /** In the outbox, waiting for its turn (or for a retry). */
    PENDING(0),
    /** Claimed by an instance that is handing it to Twilio. */
    SENDING(1),
    /** Recorded and logged, but not sent: no Twilio credentials are configured. */
    SIMULATED(9),
    /** Not sent: the recipient opted out of non-essential messages. */
    SUPPRESSED(9),
    ACCEPTED(2),
    SCHEDULED(2),
    QUEUED(3),
    SENT(5),
    DELIVERED(8),
    READ(9),
    UNDELIVERED(8),
    /** Twilio refused or could not deliver it, or we gave up retrying: staff see it. */
    FAILED(8),
    CANCELED(8);

    private final int rank;

    SmsStatus(int rank) {
        this.rank = rank;
    }

    /** Whether a status report should replace this one (callbacks may arrive out of order). */
    public boolean isBefore(SmsStatus next) {
        return next.rank > rank || (next.rank == rank && next != this && rank < 8);
    }

    public boolean isFinal() {
        return rank >= 8;
    }

    /** Twilio's lower-case status name ({@code sending} counts as queued: Twilio has it). */
    public static SmsStatus fromTwilio(String status) {
        String s = status.toUpperCase(Locale.ROOT);
        if ("SENDING".equals(s)) {
            return QUEUED;
        }
        try {
            return valueOf(s);
        }
        catch (IllegalArgumentException ex) {
            return QUEUED;
        }
    }
}
