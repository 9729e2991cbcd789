package org.civicdesk.broadcast;

/** A unit acknowledged a notice for the first time. */
public record NoticeAcknowledged(Acknowledgement acknowledgement) {
}
