package org.civicdesk.realtime.internal;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

    private final Queue<WebSocketMessage> queue = Queues.<WebSocketMessage>unboundedMultiproducer().get();
    // Several threads add (relay, publishers, the connection itself): the queue is multi-producer.
    private final Sinks.Many<WebSocketMessage> sink = Sinks.unsafe().many().unicast().onBackpressureBuffer(queue);
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
        return sink.asFlux()
                .doOnNext(message -> pending.decrementAndGet())
                .doOnDiscard(WebSocketMessage.class, message -> DataBufferUtils.release(message.getPayload()));
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
        sink.tryEmitComplete();
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
        pending.incrementAndGet();
        if (sink.tryEmitNext(new WebSocketMessage(WebSocketMessage.Type.TEXT, payload)).isFailure()) {
            pending.decrementAndGet();
            DataBufferUtils.release(payload);
        }
    }
}
