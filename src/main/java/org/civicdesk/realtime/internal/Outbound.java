package org.civicdesk.realtime.internal;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The frames waiting to be written to one connection: a queue any thread may add to, drained by
 * the socket as fast as the client reads. Topic messages count against a limit: a client that
 * falls that far behind is not given more (the caller then disconnects it), so one slow board
 * never holds up the rest or fills the heap. The connection's own replies (CONNECTED, RECEIPT,
 * ERROR, heart-beats) are not limited.
 */
final class Outbound {

    // Several threads add (relay, publishers, the connection itself): the queue is multi-producer.
    private final Queue<WebSocketMessage> queue = Queues.<WebSocketMessage>unboundedMultiproducer().get();
    private final Frames frames = new Frames();
    private final AtomicInteger pending = new AtomicInteger();
    private final Sinks.One<Boolean> aborted = Sinks.one();
    private final DataBufferFactory buffers;
    private final int limit;
    private volatile boolean finished;

    Outbound(DataBufferFactory buffers, int limit) {
        this.buffers = buffers;
        this.limit = limit;
    }

    /** What the socket writes, releasing whatever it never got to. */
    Flux<WebSocketMessage> frames() {
        return frames;
    }

    /** Queues a whole frame of the connection's own. */
    void control(byte[] frame) {
        emit(buffers.wrap(frame));
    }

    /** Queues a frame made of a subscription's prefix and the shared bytes; false when the client is too far behind. */
    boolean topic(byte[] prefix, byte[] ackLine, ByteBuf shared) {
        if (finished) {
            return true;
        }
        if (pending.get() >= limit) {
            return false;
        }
        if (buffers instanceof NettyDataBufferFactory netty && pending.get() == 0) {
            // Nothing waiting: the socket takes it at once, so it goes as one pooled buffer (the
            // WebSocket encoder would first merge a composite into a new heap copy, per frame).
            int size = prefix.length + ackLine.length + shared.readableBytes();
            ByteBuf frame = netty.getByteBufAllocator().buffer(size, size);
            frame.writeBytes(prefix).writeBytes(ackLine).writeBytes(shared, shared.readerIndex(), shared.readableBytes());
            emit(netty.wrap(frame));
        }
        else if (buffers instanceof NettyDataBufferFactory netty) {
            // Queued behind others: a few bytes of its own before the shared ones, whatever the backlog.
            ByteBuf head = ackLine.length == 0 ? Unpooled.wrappedBuffer(prefix) : Unpooled.wrappedBuffer(prefix, ackLine);
            emit(netty.wrap(Unpooled.wrappedBuffer(head, shared.retainedDuplicate())));
        }
        else {
            byte[] frame = new byte[prefix.length + ackLine.length + shared.readableBytes()];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            System.arraycopy(ackLine, 0, frame, prefix.length, ackLine.length);
            shared.getBytes(shared.readerIndex(), frame, prefix.length + ackLine.length, shared.readableBytes());
            emit(buffers.wrap(frame));
        }
        return true;
    }

    /** Queues a whole topic frame (a replay), counted like any topic message; false when too far behind. */
    boolean topic(byte[] frame) {
        if (finished) {
            return true;
        }
        if (pending.get() >= limit) {
            return false;
        }
        emit(buffers.wrap(frame));
        return true;
    }

    /** No more frames: the socket closes once those queued are written. */
    void finish() {
        finished = true;
        frames.drain();
    }

    /** Drops the socket without waiting for the client to read what is queued. */
    void abort() {
        finish();
        aborted.tryEmitValue(Boolean.TRUE);
    }

    Mono<Boolean> aborted() {
        return aborted.asMono();
    }

    boolean finished() {
        return finished;
    }

    int pending() {
        return pending.get();
    }

    private void emit(DataBuffer payload) {
        if (finished) {
            DataBufferUtils.release(payload);
            return;
        }
        pending.incrementAndGet();
        queue.offer(new WebSocketMessage(WebSocketMessage.Type.TEXT, payload));
        frames.drain();
    }

    private void release(WebSocketMessage message) {
        pending.decrementAndGet();
        DataBufferUtils.release(message.getPayload());
    }

    /**
     * The queue as the socket's one subscriber sees it: a Flux of its own rather than a Reactor
     * sink, which with automatic context propagation restores the connection's thread locals
     * around every frame and every request (most of what a fan-out allocated, measured). Frames
     * go out in order as the socket asks for them; once finished and drained it completes; once
     * cancelled, or after completing, whatever is queued is released.
     */
    private final class Frames extends Flux<WebSocketMessage> implements Subscription {

        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicBoolean subscribed = new AtomicBoolean();
        private volatile @Nullable CoreSubscriber<? super WebSocketMessage> actual;
        private volatile boolean cancelled;
        private boolean completed;

        @Override
        public void subscribe(CoreSubscriber<? super WebSocketMessage> subscriber) {
            if (!subscribed.compareAndSet(false, true)) {
                Operators.error(subscriber, new IllegalStateException("A connection's frames have one subscriber"));
                return;
            }
            subscriber.onSubscribe(this);
            actual = subscriber;
            drain();
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                requested.getAndUpdate(current -> Operators.addCap(current, n));
                drain();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        /** Hands over what is queued and asked for; only one thread at a time, the others leave it more to do. */
        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                CoreSubscriber<? super WebSocketMessage> subscriber = actual;
                if (cancelled || completed) {
                    clear();
                }
                else if (subscriber != null) {
                    long wanted = requested.get();
                    long sent = 0;
                    WebSocketMessage next;
                    while (sent != wanted && !cancelled && (next = queue.poll()) != null) {
                        pending.decrementAndGet();
                        subscriber.onNext(next);
                        sent++;
                    }
                    if (sent != 0 && wanted != Long.MAX_VALUE) {
                        requested.addAndGet(-sent);
                    }
                    if (cancelled) {
                        clear();
                    }
                    else if (finished && queue.isEmpty()) {
                        completed = true;
                        subscriber.onComplete();
                    }
                }
                missed = wip.addAndGet(-missed);
            }
            while (missed != 0);
        }

        private void clear() {
            WebSocketMessage next;
            while ((next = queue.poll()) != null) {
                release(next);
            }
        }
    }
}
