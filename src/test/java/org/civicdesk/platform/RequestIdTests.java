package org.civicdesk.platform;

import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request has an id, returned to the caller and written on every log line it causes. */
@CivicDeskTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests {

    @Autowired
    WebTestClient web;

    @Test
    void theCallersRequestIdIsEchoedAndLogged(CapturedOutput output) {
        web.post().uri("/api/v1/auth/login").header("X-Request-Id", "req-7f3a9")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "rid-nobody", "password", "wrong"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "req-7f3a9");
        assertThat(output.getAll()).containsPattern("\\[req-7f3a9\\] .*Sign-in failed for 'rid-nobody'");
    }

    @Test
    void aRequestWithoutOneGetsAFreshId() {
        web.get().uri("/actuator/health").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).hasSizeGreaterThanOrEqualTo(32));
        web.get().uri("/actuator/health").header("X-Request-Id", "bad id with spaces and <script>").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).doesNotContain(" "));
    }
}
