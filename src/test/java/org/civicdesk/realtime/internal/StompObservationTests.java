package org.civicdesk.realtime.internal;

import java.util.HashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STOMP connection's upgrade request lasts as long as the connection: it is not observed as an
 * HTTP request (which would keep its observations in memory and count it as active for hours),
 * while every other request still is.
 */
class StompObservationTests {

    private final ObservationPredicate predicate = WebSocketConfiguration.stompEndpointNotObserved();

    @Test
    void theStompEndpointIsNotObservedAndOtherRequestsAre() {
        assertThat(predicate.test("http.server.requests", request("/ws/stomp"))).isFalse();
        assertThat(predicate.test("http.server.requests", request("/api/v1/risk-level"))).isTrue();
        assertThat(predicate.test("http.server.requests", request("/ws/stomp/other"))).isTrue();
    }

    @Test
    void theSecurityChainWithinTheStompRequestIsNotObservedEither() {
        Observation.Context withinStomp = new Observation.Context();
        withinStomp.setParentObservation(Observation.NOOP);
        assertThat(predicate.test("spring.security.filterchains", withinStomp)).isFalse();

        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        Observation.Context withinOther = new Observation.Context();
        withinOther.setParentObservation(Observation.createNotStarted("http.server.requests", registry));
        assertThat(predicate.test("spring.security.filterchains", withinOther)).isTrue();
        assertThat(predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
    }

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(MockServerHttpRequest.get(path).build(), new MockServerHttpResponse(),
                new HashMap<>());
    }
}
