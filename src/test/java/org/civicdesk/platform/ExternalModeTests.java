package org.civicdesk.platform;

import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With a database and Redis configured, nothing embedded starts and no demo data appears. */
@CivicDeskTest
class ExternalModeTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Platform platform;

    @Autowired
    Fixtures fixtures;

    @Test
    void configuredServicesMeanNoEmbeddedDatabaseAndNoDemoAccounts() {
        assertThat(platform.embedded()).isFalse();
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "anything"))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + fixtures.admin(web)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == '东胜区婚姻登记处')]").isEmpty();
        // The first command-group account comes from the bootstrap password, not a demo one.
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "bootstrap-admin-secret"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("ADMIN");
        // The simulator's inbox exists only in the embedded default.
        web.get().uri("/api/v1/simulator/sms?phone=13912345678").exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/simulator/sms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", "13912345678", "text", "帮助")).exchange().expectStatus().isNotFound();
        web.get().uri("/simulator").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/simulator").exchange().expectStatus().isNotFound();
    }

    @Test
    void exposesOpenApiHealthAndPrometheusMetrics() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/auth/login']").exists()
                .jsonPath("$.paths['/api/v1/units']").exists();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
