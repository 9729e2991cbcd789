package org.civicdesk.platform;

import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The benchmarks' bare anchor route exists only when a benchmark switches it on. */
@CivicDeskTest
class BenchRoutesTests {

    static final Map<String, String> BODY = Map.of("service", "MARRIAGE_REGISTRATION", "date", "2026-05-20", "slotStart", "09:00");

    @Autowired
    WebTestClient web;

    @Test
    void theBareRouteIsAbsentByDefault() {
        web.post().uri("/bench/bare").contentType(MediaType.APPLICATION_JSON).bodyValue(BODY)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Nested
    @TestPropertySource(properties = "civicdesk.platform.bench-routes=true")
    class SwitchedOn {

        @Autowired
        WebTestClient web;

        @Test
        void theBareRouteAnswersASmallJsonToAnyone() {
            web.post().uri("/bench/bare").contentType(MediaType.APPLICATION_JSON).bodyValue(BODY)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectHeader().exists("X-Request-Id")
                    .expectBody()
                    .jsonPath("$.ok").isEqualTo(true)
                    .jsonPath("$.date").isEqualTo("2026-05-20");
        }

        @Test
        void aMissingOrMalformedBodyIsTheCallersMistake() {
            web.post().uri("/bench/bare").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"service\": ")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            web.post().uri("/bench/bare").contentType(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
