package org.civicdesk.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.identity.Caller;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.realtime.InboundSend;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * SEND: only to the application's destinations ({@code /app/…}) and only when signed in; the
 * handler's failure becomes the ERROR frame, its success the RECEIPT.
 */
@Component
class Sending {

    private final Frames frames;
    private final Destinations destinations;

    Sending(Frames frames, Destinations destinations) {
        this.frames = frames;
        this.destinations = destinations;
    }

    Mono<Void> send(StompConnection connection, StompHeaderAccessor headers, byte[] body) {
        String destination = headers.getDestination();
        String receipt = headers.getReceipt();
        if (destination == null) {
            return frames.refuse(connection, "SEND needs a destination", receipt, "The destination header is missing.");
        }
        Destinations.Route route = destinations.route(destination);
        Caller caller = connection.caller();
        if (route == null) {
            return frames.refuse(connection, "forbidden destination", receipt, "Nothing may be sent to " + destination + ".");
        }
        if (caller == null) {
            return frames.refuse(connection, "forbidden destination", receipt, "Sign in (CONNECT with a token) to send to " + destination + ".");
        }
        Map<String, String> first = new LinkedHashMap<>();
        headers.toNativeHeaderMap().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("passcode")) {
                first.put(name, values.get(0));
            }
        });
        InboundSend send = new InboundSend(caller, destination, route.variables(), first, new String(body, StandardCharsets.UTF_8));
        return Mono.defer(() -> route.handler().handle(send))
                .onErrorResume(ex -> frames.refuse(connection, ex.getMessage() == null ? "refused" : ex.getMessage(), receipt,
                        ex instanceof DomainFailure failure ? failure.detail(Locale.CHINESE) + "\n" + failure.getMessage()
                                : String.valueOf(ex.getMessage())));
    }
}
