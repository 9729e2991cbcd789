package org.civicdesk.realtime.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import org.civicdesk.realtime.TopicPolicy;

/**
 * One SUBSCRIBE of one connection. Holds its encoded prefix (so that delivering to it costs a
 * few bytes, not an encoding), the acknowledgements still owed in the client ack modes, and
 * while it catches up from history the live messages that arrive meanwhile.
 */
final class Subscription {

    /** STOMP's ack modes. */
    enum AckMode {
        AUTO, CLIENT, CLIENT_INDIVIDUAL;

        static @Nullable AckMode of(@Nullable String header) {
            if (header == null || header.equals("auto")) {
                return AUTO;
            }
            return switch (header) {
                case "client" -> CLIENT;
                case "client-individual" -> CLIENT_INDIVIDUAL;
                default -> null;
            };
        }
    }

    private static final int MAX_UNACKED = 1000;
    private static final byte[] NO_ACK = new byte[0];

    final StompConnection connection;
    final String id;
    final String destination;
    final AckMode ackMode;
    final TopicPolicy policy;
    final byte[] prefix;
    // Only the client ack modes owe acknowledgements: an auto subscription allocates no set.
    private @Nullable LinkedHashSet<String> unacked;
    private @Nullable List<TopicMessage> catchingUp;

    Subscription(StompConnection connection, String id, String destination, AckMode ackMode, TopicPolicy policy) {
        this.connection = connection;
        this.id = id;
        this.destination = destination;
        this.ackMode = ackMode;
        this.policy = policy;
        this.prefix = Frames.prefix(id);
    }

    /** Whether this subscriber is to receive a message with this audience. */
    boolean wants(TopicMessage message) {
        Set<Long> audience = message.audience();
        return audience == null || policy.receives(connection.caller(), audience);
    }

    /** Delivers a live message, or holds it while the subscription catches up; false when the client is too slow. */
    synchronized boolean deliver(TopicMessage message, ByteBuf shared) {
        if (catchingUp != null) {
            catchingUp.add(message);
            return catchingUp.size() <= MAX_UNACKED;
        }
        String ackId = owe(message);
        return connection.outbound().topic(prefix, ackId == null ? NO_ACK : Frames.ackLine(ackId), shared);
    }

    /** Delivers a whole frame of its own (a personal queue's message); false when the client is too slow. */
    synchronized boolean deliverWhole(TopicMessage message, Frames frames) {
        return connection.outbound().topic(frames.message(message, id, owe(message)));
    }

    /** From now until {@link #caughtUp}, live messages wait. */
    synchronized void catchUp() {
        catchingUp = new ArrayList<>();
    }

    /**
     * Sends the missed messages, then the live ones that arrived meanwhile and were not among
     * them, and goes live; false when the client is too slow.
     */
    synchronized boolean caughtUp(List<TopicMessage> missed, Frames frames) {
        List<TopicMessage> waiting = catchingUp == null ? List.of() : catchingUp;
        catchingUp = null;
        Set<Long> sent = new HashSet<>();
        boolean ok = true;
        for (TopicMessage message : missed) {
            sent.add(message.seq());
            ok &= connection.outbound().topic(frames.message(message, id, owe(message)));
        }
        for (TopicMessage message : waiting) {
            if (!sent.contains(message.seq())) {
                ok &= connection.outbound().topic(frames.message(message, id, owe(message)));
            }
        }
        return ok;
    }

    /** An ACK or NACK: in {@code client} mode it settles this and every earlier message. */
    synchronized boolean settle(String ackId) {
        LinkedHashSet<String> unacked = this.unacked;
        if (unacked == null || !unacked.contains(ackId)) {
            return false;
        }
        if (ackMode == AckMode.CLIENT) {
            for (Iterator<String> it = unacked.iterator(); it.hasNext();) {
                String next = it.next();
                it.remove();
                if (next.equals(ackId)) {
                    break;
                }
            }
        }
        else {
            unacked.remove(ackId);
        }
        return true;
    }

    /** In the client ack modes, the message's id becomes the {@code ack} id the client answers with. */
    private @Nullable String owe(TopicMessage message) {
        if (ackMode == AckMode.AUTO) {
            return null;
        }
        String ackId = message.messageId();
        LinkedHashSet<String> unacked = this.unacked;
        if (unacked == null) {
            unacked = new LinkedHashSet<>();
            this.unacked = unacked;
        }
        unacked.add(ackId);
        if (unacked.size() > MAX_UNACKED) {
            Iterator<String> oldest = unacked.iterator();
            oldest.next();
            oldest.remove();
        }
        return ackId;
    }
}
