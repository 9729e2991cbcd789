package org.civicdesk.realtime.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.civicdesk.identity.Caller;
import org.civicdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CONNECT (or STOMP): the version both sides speak, heart-beats, and who the client is, from a
 * bearer token in an {@code Authorization} header or in {@code passcode}. No token connects
 * anonymously (public topics only); a bad one is an error.
 */
@Component
class Connecting {

    private final Frames frames;
    private final Callers callers;
    private final Connections connections;
    private final Presence presence;
    private final RealtimeSettings settings;

    Connecting(Frames frames, Callers callers, Connections connections, Presence presence, RealtimeSettings settings) {
        this.frames = frames;
        this.callers = callers;
        this.connections = connections;
        this.presence = presence;
        this.settings = settings;
    }

    Mono<Void> connect(StompConnection connection, StompHeaderAccessor headers) {
        String receipt = headers.getReceipt();
        String version = version(headers.getFirstNativeHeader("accept-version"));
        if (version == null) {
            connection.fail(frames.error("unsupported STOMP version", receipt, "1.1,1.2",
                    "This server speaks STOMP 1.1 and 1.2; send accept-version."));
            return Mono.empty();
        }
        long[] client = heartBeat(headers.getFirstNativeHeader("heart-beat"));
        if (client == null) {
            connection.fail(frames.error("malformed heart-beat", receipt, null, "heart-beat must be two numbers: cx,cy"));
            return Mono.empty();
        }
        String token = token(headers);
        Mono<Optional<Caller>> who = token == null ? Mono.just(Optional.empty()) : callers.fromToken(token).map(Optional::of);
        return who
                .doOnNext(caller -> accept(connection, caller.orElse(null), version, client, receipt))
                .onErrorResume(ex -> {
                    connection.fail(frames.error("invalid or expired token", receipt, null,
                            "The bearer token could not be verified. Sign in again."));
                    return Mono.empty();
                })
                .then();
    }

    private void accept(StompConnection connection, @Nullable Caller caller, String version, long[] client, @Nullable String receipt) {
        long sx = settings.heartbeatSend().toMillis();
        long sy = settings.heartbeatReceive().toMillis();
        long sendEvery = sx == 0 || client[1] == 0 ? 0 : Math.max(sx, client[1]);
        long expectEvery = client[0] == 0 || sy == 0 ? 0 : Math.max(client[0], sy);
        connection.connected(caller, sendEvery, expectEvery);
        if (caller != null) {
            connections.signedIn(connection, caller.subject());
            presence.joined(caller.unitId());
        }
        connection.reply(frames.connected(version, sx + "," + sy, connection.id, caller == null ? null : caller.subject()));
        if (receipt != null) {
            connection.reply(frames.receipt(receipt));
        }
    }

    /** The highest version both speak; none given means STOMP 1.0, which this server does not. */
    static @Nullable String version(@Nullable String accepted) {
        if (accepted == null) {
            return null;
        }
        List<String> versions = Arrays.stream(accepted.split(",")).map(String::strip).toList();
        return versions.contains("1.2") ? "1.2" : versions.contains("1.1") ? "1.1" : null;
    }

    static long @Nullable [] heartBeat(@Nullable String header) {
        if (header == null) {
            return new long[] {0, 0};
        }
        String[] parts = header.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            long cx = Long.parseLong(parts[0].strip());
            long cy = Long.parseLong(parts[1].strip());
            return cx < 0 || cy < 0 ? null : new long[] {cx, cy};
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static @Nullable String token(StompHeaderAccessor headers) {
        String authorization = headers.getFirstNativeHeader("Authorization");
        if (authorization == null) {
            authorization = headers.getFirstNativeHeader("authorization");
        }
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
        }
        String passcode = headers.getPasscode();
        return passcode == null || passcode.isBlank() ? null : passcode;
    }
}
