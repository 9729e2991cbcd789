package org.civicdesk.broadcast.internal;

import java.time.Instant;

import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeKind;
import org.civicdesk.broadcast.Severity;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A notice as a unit's board receives it on {@code /topic/notices} and {@code /user/queue/notices}:
 * what to read and whether to acknowledge, not who else it went to.
 */
record NoticeMessage(long id, NoticeKind kind, String title, String body, Severity severity, Instant issuedAt,
        boolean requiresAck, @Nullable Instant ackDeadlineAt, @Nullable RiskLevel riskLevel, @Nullable Guideline guideline) {

    static NoticeMessage of(Notice notice) {
        return new NoticeMessage(notice.id(), notice.kind(), notice.title(), notice.body(), notice.severity(),
                notice.issuedAt(), notice.requiresAck(), notice.ackDeadlineAt(), notice.riskLevel(), notice.guideline());
    }
}
