package org.civicdesk.realtime.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one WebSocket as a STOMP session: decodes what arrives (frames may come in pieces, and
 * the payload is copied at once since Netty reuses it), handles frames one after another, and
 * writes the connection's queue until it ends; then forgets the connection.
 */
@Component
class StompHandler implements WebSocketHandler {

    private final StompDecoder decoder = new StompDecoder();
    private final AtomicLong sessions = new AtomicLong();
    private final StompCommands commands;
    private final Connections connections;
    private final Presence presence;
    private final RealtimeSettings settings;

    StompHandler(StompCommands commands, Connections connections, Presence presence, RealtimeSettings settings) {
        this.commands = commands;
        this.connections = connections;
        this.presence = presence;
        this.settings = settings;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("v12.stomp", "v11.stomp");
    }

    private List<Message<byte[]>> decode(StompConnection connection, WebSocketMessage message) {
        if (connection.outbound().finished()) {
            return List.of();
        }
        try {
            return connection.decode(message.getPayload());
        }
        catch (RuntimeException ex) {
            commands.malformed(connection, ex);
            return List.of();
        }
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        StompConnection connection = new StompConnection(Long.toString(sessions.incrementAndGet(), 36), socket,
                new Outbound(socket.bufferFactory(), settings.maxPendingFrames()), decoder,
                (int) settings.maxFrameSize().toBytes());
        connections.opened(connection);
        // Errors never travel up the inbound stream: cancelling it would drop the socket before
        // the ERROR frame is written.
        Mono<Void> input = socket.receive()
                .map(message -> decode(connection, message))
                .concatMap(frames -> Flux.fromIterable(frames).concatMap(frame -> commands.handle(connection, frame)))
                .then()
                .doFinally(signal -> connection.outbound().finish());
        Mono<Void> output = socket.send(connection.outbound().frames())
                .then(Mono.defer(socket::close));
        return Mono.when(input, output)
                .takeUntilOther(connection.outbound().aborted())
                .doFinally(signal -> {
                    connections.closed(connection);
                    if (connection.caller() != null) {
                        presence.left(connection.caller().unitId());
                    }
                });
    }
}
