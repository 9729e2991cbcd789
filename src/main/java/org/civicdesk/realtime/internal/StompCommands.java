package org.civicdesk.realtime.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the server does with each client frame, in order, once connected: SUBSCRIBE and
 * UNSUBSCRIBE (through {@link Subscribing}), SEND (through {@link Sending}), ACK and NACK,
 * DISCONNECT; a RECEIPT for every frame that asks. Anything wrong ends the session with an
 * ERROR frame whose {@code message} says what.
 */
@Component
class StompCommands {

    static final int MAX_HEADER_LENGTH = 8192;

    private final Frames frames;
    private final Connecting connecting;
    private final Subscribing subscribing;
    private final Sending sending;
    private final RealtimeSettings settings;
    private final Counter received;

    StompCommands(Frames frames, Connecting connecting, Subscribing subscribing, Sending sending, RealtimeSettings settings,
            MeterRegistry meters) {
        this.received = Counter.builder("civicdesk.stomp.messages").tag("direction", "in")
                .description("STOMP frames received from clients (heart-beats not counted)").register(meters);
        this.frames = frames;
        this.connecting = connecting;
        this.subscribing = subscribing;
        this.sending = sending;
        this.settings = settings;
    }

    Mono<Void> handle(StompConnection connection, Message<byte[]> frame) {
        if (connection.outbound().finished()) {
            return Mono.empty();
        }
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        if (headers.isHeartbeat()) {
            return Mono.empty();
        }
        received.increment();
        StompCommand command = headers.getCommand();
        String receipt = headers.getReceipt();
        String tooBig = limits(headers, frame.getPayload().length);
        if (tooBig != null) {
            return frames.refuse(connection, tooBig, receipt, "Frame refused: " + tooBig);
        }
        if (!connection.isConnected()) {
            return command == StompCommand.CONNECT || command == StompCommand.STOMP
                    ? connecting.connect(connection, headers)
                    : frames.refuse(connection, "not connected", receipt, "Send CONNECT first.");
        }
        Mono<Void> done = switch (command) {
            case SUBSCRIBE -> subscribing.subscribe(connection, headers);
            case UNSUBSCRIBE -> subscribing.unsubscribe(connection, headers);
            case SEND -> sending.send(connection, headers, frame.getPayload());
            case ACK, NACK -> ack(connection, headers);
            case DISCONNECT -> disconnect(connection, receipt);
            case CONNECT, STOMP -> frames.refuse(connection, "already connected", receipt, "This session is connected already.");
            case BEGIN, COMMIT, ABORT -> frames.refuse(connection, "transactions are not supported", receipt,
                    command + " is not supported by this server.");
            default -> frames.refuse(connection, "not a client frame: " + command, receipt, command + " is sent by servers only.");
        };
        return Mono.defer(() -> done).then(Mono.fromRunnable(() -> {
            if (receipt != null && !connection.outbound().finished()) {
                connection.reply(frames.receipt(receipt));
            }
        }));
    }

    /** A frame that could not be parsed, or too large. */
    void malformed(StompConnection connection, Throwable ex) {
        String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (reason.startsWith("No enum constant ")) {
            String command = reason.substring(reason.lastIndexOf('.') + 1);
            connection.fail(frames.error("unknown command", null, null, "Unknown STOMP command: " + command));
        }
        else if (ex instanceof StompConnection.TooLarge || reason.contains("buffering limit")) {
            connection.fail(frames.error("frame too large", null, null, reason));
        }
        else {
            connection.fail(frames.error("malformed frame", null, null, reason));
        }
    }

    private @Nullable String limits(StompHeaderAccessor headers, int bodyLength) {
        Map<String, List<String>> all = headers.toNativeHeaderMap();
        int count = 0;
        int size = bodyLength;
        for (Map.Entry<String, List<String>> header : all.entrySet()) {
            for (String value : header.getValue()) {
                count++;
                int length = header.getKey().length() + value.length();
                if (length > MAX_HEADER_LENGTH) {
                    return "header too long";
                }
                size += length + 2;
            }
        }
        if (count > settings.maxHeaders()) {
            return "too many headers";
        }
        return size > settings.maxFrameSize().toBytes() ? "frame too large" : null;
    }

    private Mono<Void> ack(StompConnection connection, StompHeaderAccessor headers) {
        String id = headers.getFirstNativeHeader("id");
        if (id == null) {
            id = headers.getFirstNativeHeader("message-id");
        }
        if (id == null) {
            return frames.refuse(connection, headers.getCommand() + " needs an id", headers.getReceipt(), "The id header is missing.");
        }
        for (Subscription subscription : connection.subscriptions()) {
            if (subscription.settle(id)) {
                break;
            }
        }
        return Mono.empty();
    }

    private Mono<Void> disconnect(StompConnection connection, @Nullable String receipt) {
        if (receipt != null) {
            connection.reply(frames.receipt(receipt));
        }
        connection.outbound().finish();
        return Mono.empty();
    }
}
