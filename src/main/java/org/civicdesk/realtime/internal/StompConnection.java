package org.civicdesk.realtime.internal;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.BufferingStompDecoder;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * One client's STOMP session: who it is, what it negotiated, its subscriptions, its decoder
 * (frames may arrive in pieces) and the queue of frames on their way to it. Kept small, since an
 * instance holds thousands of them.
 */
final class StompConnection {

    /** A frame larger than the configured limit. */
    static final class TooLarge extends StompConversionException {
        TooLarge(String message) {
            super(message);
        }
    }

    final String id;
    final WebSocketSession socket;
    private final Outbound outbound;
    private final StompDecoder stompDecoder;
    // Only while a frame has arrived in part: an idle connection holds no buffering decoder (its
    // queue and locks are a few hundred bytes, times every connection of the instance).
    private @Nullable BufferingStompDecoder decoder;
    private final int maxFrameSize;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(4);
    private final long openedAt = System.nanoTime();
    private volatile @Nullable Caller caller;
    private volatile boolean connected;
    private volatile long sendEveryNanos;
    private volatile long expectEveryNanos;
    private volatile long lastRead = System.nanoTime();
    private volatile long lastWrite = System.nanoTime();
    private volatile long overflowedAt;

    StompConnection(String id, WebSocketSession socket, Outbound outbound, StompDecoder decoder, int maxFrameSize) {
        this.id = id;
        this.socket = socket;
        this.outbound = outbound;
        this.stompDecoder = decoder;
        this.maxFrameSize = maxFrameSize;
    }

    /** The complete frames in what just arrived; an exception for a malformed or oversized one. */
    List<Message<byte[]>> decode(DataBuffer payload) {
        lastRead = System.nanoTime();
        int size = payload.readableByteCount();
        BufferingStompDecoder current = decoder;
        if (size + (current == null ? 0 : current.getBufferSize()) > maxFrameSize) {
            throw new TooLarge("Frame larger than " + maxFrameSize + " bytes");
        }
        if (current == null) {
            current = new BufferingStompDecoder(stompDecoder, maxFrameSize);
        }
        byte[] bytes = new byte[size];
        payload.read(bytes);
        List<Message<byte[]>> frames = current.decode(ByteBuffer.wrap(bytes));
        decoder = current.getBufferSize() == 0 ? null : current;
        return frames;
    }

    void connected(@Nullable Caller who, long sendEveryMillis, long expectEveryMillis) {
        this.caller = who;
        this.sendEveryNanos = sendEveryMillis * 1_000_000;
        this.expectEveryNanos = expectEveryMillis * 1_000_000;
        // The client owes heart-beats from CONNECTED on, however long connecting took.
        this.lastRead = System.nanoTime();
        this.connected = true;
    }

    boolean isConnected() {
        return connected;
    }

    @Nullable Caller caller() {
        return caller;
    }

    @Nullable String username() {
        Caller who = caller;
        return who == null ? null : who.subject();
    }

    Outbound outbound() {
        return outbound;
    }

    /** Queues a frame of the connection's own (CONNECTED, RECEIPT, ERROR, heart-beat). */
    void reply(byte[] frame) {
        lastWrite = System.nanoTime();
        outbound.control(frame);
    }

    /** Queues an ERROR frame and closes once it is written: STOMP ends a session after an error. */
    void fail(byte[] errorFrame) {
        reply(errorFrame);
        outbound.finish();
    }

    void wrote() {
        lastWrite = System.nanoTime();
    }

    @Nullable Subscription subscription(String subscriptionId) {
        return subscriptions.get(subscriptionId);
    }

    void add(Subscription subscription) {
        subscriptions.put(subscription.id, subscription);
    }

    @Nullable Subscription remove(String subscriptionId) {
        return subscriptions.remove(subscriptionId);
    }

    Collection<Subscription> subscriptions() {
        return subscriptions.values();
    }

    /** Marks the connection as too slow; true the first time. */
    boolean overflowed() {
        if (overflowedAt != 0) {
            return false;
        }
        overflowedAt = System.nanoTime();
        return true;
    }

    long overflowedAt() {
        return overflowedAt;
    }

    long openedAt() {
        return openedAt;
    }

    long lastRead() {
        return lastRead;
    }

    long lastWrite() {
        return lastWrite;
    }

    long sendEveryNanos() {
        return sendEveryNanos;
    }

    long expectEveryNanos() {
        return expectEveryNanos;
    }
}
