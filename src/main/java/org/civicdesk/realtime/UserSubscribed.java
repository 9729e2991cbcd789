package org.civicdesk.realtime;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A signed-in client subscribed to one of its own queues ({@code /user/queue/…}): the owner of
 * that queue may now send it what it has been waiting for. Published on the connection's thread:
 * listeners must not block.
 *
 * @param username    who
 * @param unitId      the unit they belong to, if any
 * @param destination the queue, such as {@code /user/queue/notices}
 * @param at          when
 */
public record UserSubscribed(String username, @Nullable Long unitId, String destination, Instant at) {
}
