package org.civicdesk.broadcast;

/** What a notice is: one the command group wrote, or one issued when a risk level changed. */
public enum NoticeKind {
    GENERAL, RISK_LEVEL
}
