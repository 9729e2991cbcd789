package org.civicdesk.platform.internal;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The benchmarks' anchor: {@code POST /bench/bare} reads a small JSON body and answers a small
 * JSON, with no I/O beyond the request itself, through the same filters and security chain as
 * every other route. The booking benchmark reports its rate as a ratio to this one, measured in
 * the same run on the same machine. Off unless {@code civicdesk.platform.bench-routes=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("civicdesk.platform.bench-routes")
class BenchRoutes {

    /** What the anchor reads: about the size of a booking request's interesting part. */
    record BareRequest(String service, String date, String slotStart) {
    }

    @Bean
    RouterFunction<ServerResponse> benchBare() {
        return RouterFunctions.route(RequestPredicates.POST("/bench/bare"), request -> request.bodyToMono(BareRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("A JSON body is required")))
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("ok", true, "service", String.valueOf(body.service()),
                                "date", String.valueOf(body.date()), "slotStart", String.valueOf(body.slotStart())))));
    }
}
