package org.civicdesk.broadcast;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * An issued notice.
 *
 * @param id                 its number
 * @param kind               general, or a risk-level notice
 * @param title              its title
 * @param body               the text, in Markdown
 * @param severity           how pressing it is
 * @param audience           who it is for
 * @param requiresAck        whether each unit must acknowledge it
 * @param ackDeadlineMinutes minutes after issue to acknowledge it in
 * @param ackDeadlineAt      when that is
 * @param isPublic           whether the public sees it (feed, CAP)
 * @param riskLevel          for a risk-level notice, the level
 * @param guideline          for a risk-level notice, the guideline and checklist to follow
 * @param issuedBy           who issued it
 * @param issuedAt           when
 */
public record Notice(long id, NoticeKind kind, String title, String body, Severity severity, Audience audience,
        boolean requiresAck, @Nullable Integer ackDeadlineMinutes, @Nullable Instant ackDeadlineAt,
        @JsonProperty("public") boolean isPublic, @Nullable RiskLevel riskLevel, @Nullable Guideline guideline,
        String issuedBy, Instant issuedAt) {

    /** Whether the deadline has passed at this instant. */
    public boolean overdueAt(Instant now) {
        return requiresAck && ackDeadlineAt != null && !now.isBefore(ackDeadlineAt);
    }
}
