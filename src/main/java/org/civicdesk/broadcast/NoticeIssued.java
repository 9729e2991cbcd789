package org.civicdesk.broadcast;

/**
 * A notice was issued and its delivery to {@code units} units queued.
 *
 * @param notice the notice
 * @param units  how many units it goes to
 */
public record NoticeIssued(Notice notice, int units) {
}
