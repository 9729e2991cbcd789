package org.civicdesk.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.identity.Caller;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.realtime.InboundSend;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the server does with each client frame, in order, once connected: SUBSCRIBE and
 * UNSUBSCRIBE (through {@link Subscribing}), SEND to the application's handlers, ACK and NACK,
 * DISCONNECT; a RECEIPT for every frame that asks. Anything wrong ends the session with an
 * ERROR frame whose {@code message} says what.
 */
@Component
class StompCommands {

    static final int MAX_HEADER_LENGTH = 8192;

    private final Frames frames;
    private final Connecting connecting;
    private final Subscribing subscribing;
    private final Destinations destinations;
    private final RealtimeSettings settings;

    StompCommands(Frames frames, Connecting connecting, Subscribing subscribing, Destinations destinations,
            RealtimeSettings settings) {
        this.frames = frames;
        this.connecting = connecting;
        this.subscribing = subscribing;
        this.destinations = destinations;
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
        StompCommand command = headers.getCommand();
        String receipt = headers.getReceipt();
        String tooBig = limits(headers, frame.getPayload().length);
        if (tooBig != null) {
            return fail(connection, tooBig, receipt, "Frame refused: " + tooBig);
        }
        if (!connection.isConnected()) {
            return command == StompCommand.CONNECT || command == StompCommand.STOMP
                    ? connecting.connect(connection, headers)
                    : fail(connection, "not connected", receipt, "Send CONNECT first.");
        }
        Mono<Void> done = switch (command) {
            case SUBSCRIBE -> subscribing.subscribe(connection, headers);
            case UNSUBSCRIBE -> subscribing.unsubscribe(connection, headers);
            case SEND -> send(connection, headers, frame.getPayload());
            case ACK, NACK -> ack(connection, headers);
            case DISCONNECT -> disconnect(connection, receipt);
            case CONNECT, STOMP -> fail(connection, "already connected", receipt, "This session is connected already.");
            case BEGIN, COMMIT, ABORT -> fail(connection, "transactions are not supported", receipt,
                    command + " is not supported by this server.");
            default -> fail(connection, "not a client frame: " + command, receipt, command + " is sent by servers only.");
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

    Mono<Void> fail(StompConnection connection, String message, @Nullable String receipt, String detail) {
        connection.fail(frames.error(message, receipt, null, detail));
        return Mono.empty();
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

    private Mono<Void> send(StompConnection connection, StompHeaderAccessor headers, byte[] body) {
        String destination = headers.getDestination();
        String receipt = headers.getReceipt();
        if (destination == null) {
            return fail(connection, "SEND needs a destination", receipt, "The destination header is missing.");
        }
        Destinations.Route route = destinations.route(destination);
        Caller caller = connection.caller();
        if (route == null) {
            return fail(connection, "forbidden destination", receipt, "Nothing may be sent to " + destination + ".");
        }
        if (caller == null) {
            return fail(connection, "forbidden destination", receipt, "Sign in (CONNECT with a token) to send to " + destination + ".");
        }
        Map<String, String> first = new LinkedHashMap<>();
        headers.toNativeHeaderMap().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("passcode")) {
                first.put(name, values.get(0));
            }
        });
        InboundSend send = new InboundSend(caller, destination, route.variables(), first, new String(body, StandardCharsets.UTF_8));
        return Mono.defer(() -> route.handler().handle(send))
                .onErrorResume(ex -> fail(connection, ex.getMessage() == null ? "refused" : ex.getMessage(), receipt,
                        ex instanceof DomainFailure failure ? failure.detail(Locale.CHINESE) + "\n" + failure.getMessage()
                                : String.valueOf(ex.getMessage())));
    }

    private Mono<Void> ack(StompConnection connection, StompHeaderAccessor headers) {
        String id = headers.getFirstNativeHeader("id");
        if (id == null) {
            id = headers.getFirstNativeHeader("message-id");
        }
        if (id == null) {
            return fail(connection, headers.getCommand() + " needs an id", headers.getReceipt(), "The id header is missing.");
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
