package org.civicdesk.realtime;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A topic message numbered and stored, not yet delivered: what {@link Realtime#store} hands back
 * inside the caller's transaction, for {@link Realtime#deliver} once that transaction committed.
 * Keeping it saves reading back what was just written.
 *
 * @param destination the topic
 * @param seq         its sequence number on the topic
 * @param audience    the units it is meant for, or {@code null} for every subscriber
 * @param body        the JSON body
 */
public record StoredMessage(String destination, long seq, @Nullable Set<Long> audience, String body) {
}
