package org.civicdesk.broadcast;

import java.time.Instant;

/**
 * A unit's acknowledgement of a notice: the first one counts, later ones only report it.
 *
 * @param noticeId       the notice
 * @param unitId         the unit
 * @param acknowledgedAt when the unit first acknowledged it
 * @param acknowledgedBy who did
 * @param via            how
 * @param first          whether this request was that first acknowledgement
 */
public record Acknowledgement(long noticeId, long unitId, Instant acknowledgedAt, String acknowledgedBy, AckChannel via,
        boolean first) {
}
