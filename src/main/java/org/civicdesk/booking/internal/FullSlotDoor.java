package org.civicdesk.booking.internal;

import jakarta.validation.Validator;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.Bookings;
import org.civicdesk.identity.Caller;
import org.civicdesk.identity.Callers;
import org.civicdesk.platform.DomainFailure;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a crowd on a slot this instance knows to be full at the door, before Spring's
 * annotated-controller machinery: in a rush on a hot date almost every attempt is such a refusal,
 * and the controller path (argument resolution, method security, result and exception handling)
 * costs about three bare requests. The door looks only at {@code POST /api/v1/bookings} from a
 * signed-in citizen with a small JSON body that is complete and valid, and refuses it only with
 * the answer the booking flow would give first ({@link Bookings#refuseIfKnownFull}: the same
 * problem, the same count in {@code civicdesk.booking.attempts}). Everything else, and every
 * attempt it does not refuse, goes on to {@link BookingController} with its body intact, which
 * gives every other answer.
 */
@Component
@Order(0) // after Spring Security's chain (-100), whose authentication it reads
class FullSlotDoor implements WebFilter {

    static final String PATH = "/api/v1/bookings";
    /** A booking body is well under 2 KB; anything larger is not looked at here. */
    static final int MAX_BODY = 16 * 1024;

    private final Bookings bookings;
    private final Callers callers;
    private final JsonMapper json;
    private final Validator validator;

    FullSlotDoor(Bookings bookings, Callers callers, JsonMapper json, Validator validator) {
        this.bookings = bookings;
        this.callers = callers;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst("Idempotency-Key");
        MediaType type = request.getHeaders().getContentType();
        long length = request.getHeaders().getContentLength();
        if (request.getMethod() != HttpMethod.POST || !PATH.equals(request.getPath().pathWithinApplication().value())
                || key == null || type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || length <= 0 || length > MAX_BODY) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(FullSlotDoor::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> refusal(body, key)
                        .then(Mono.defer(() -> chain.filter(exchange.mutate().request(replaying(request, body)).build()))));
    }

    /** Fails with the refusal when the slot is known full; completes empty when the attempt must go on. */
    private Mono<Void> refusal(byte[] body, String key) {
        BookingCommand command;
        String idempotencyKey;
        try {
            BookingRequests.BookingRequest booking = json.readValue(body, BookingRequests.BookingRequest.class);
            if (booking == null || !validator.validate(booking).isEmpty()) {
                return Mono.empty();
            }
            idempotencyKey = BookingRequests.idempotencyKey(key);
            command = BookingRequests.online(booking);
        }
        catch (JacksonException | DomainFailure ex) {
            return Mono.empty(); // the controller gives the answer
        }
        return callers.current()
                .filter(Caller::isCitizen)
                .flatMap(citizen -> bookings.refuseIfKnownFull(citizen, command, idempotencyKey));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with the body it had, for the controller to read again. */
    static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }
}
