package org.civicdesk.broadcast;

import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A notice about to be issued.
 *
 * @param kind               general, or a risk-level notice
 * @param title              its title
 * @param body               the text, in Markdown
 * @param severity           how pressing it is
 * @param audience           who it is for
 * @param requiresAck        whether each unit must acknowledge it
 * @param ackDeadlineMinutes minutes after issue by which each unit must have acknowledged it
 * @param isPublic           whether it appears in the public Atom feed and CAP
 * @param riskLevel          for a risk-level notice, the level
 * @param guideline          for a risk-level notice, the guideline its units follow
 * @param sourceKey          what it was made from (a risk change), so it is made only once
 */
public record NoticeDraft(NoticeKind kind, String title, String body, Severity severity, Audience audience,
        boolean requiresAck, @Nullable Integer ackDeadlineMinutes, boolean isPublic, @Nullable RiskLevel riskLevel,
        @Nullable Guideline guideline, @Nullable String sourceKey) {

    /** A notice the command group writes. */
    public static NoticeDraft general(String title, String body, Severity severity, Audience audience, boolean requiresAck,
            @Nullable Integer ackDeadlineMinutes, boolean isPublic) {
        return new NoticeDraft(NoticeKind.GENERAL, title, body, severity, audience, requiresAck, ackDeadlineMinutes,
                isPublic, null, null, null);
    }
}
