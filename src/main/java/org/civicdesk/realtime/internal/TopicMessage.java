package org.civicdesk.realtime.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One message to deliver: to a topic's subscribers (with its sequence number), or to one user's
 * queue.
 *
 * @param destination the topic or queue
 * @param messageId   unique for this message
 * @param seq         the topic's sequence number; {@code null} for a personal queue
 * @param audience    the units it is meant for, or {@code null} for every subscriber
 * @param user        the username of a personal queue's owner, or {@code null} for a topic
 * @param body        the JSON body
 */
record TopicMessage(String destination, String messageId, @Nullable Long seq, @Nullable Set<Long> audience,
        @Nullable String user, String body) {

    static String messageId(String destination, long seq) {
        return destination + "#" + seq;
    }

    boolean personal() {
        return user != null;
    }
}
