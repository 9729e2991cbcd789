package org.civicdesk.broadcast;

/** How pressing a notice is; an {@code URGENT} one is sent by SMS to every duty contact at once. */
public enum Severity {
    INFO, WARNING, URGENT
}
