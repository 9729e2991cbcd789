package org.civicdesk.platform;

import java.util.Map;

import org.civicdesk.directory.StaffRole;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every kind of bad request gets an RFC 9457 problem with a stable type, never a 500. */
@CivicDeskTest
class ProblemDetailsTests {

    private static final String TYPES = "https://civicdesk.org/problems/";

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Test
    void validationFailuresNameEachField() {
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + fixtures.admin(web))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "contacts", java.util.List.of(Map.of("name", "值班", "phone", ""))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(TYPES + "validation-failed")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'type')]").exists()
                .jsonPath("$.errors[?(@.field == 'contacts[0].phone')]").exists();
    }

    @Test
    void malformedJsonIsABadRequest() {
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\": \"a\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "malformed-request");
    }

    @Test
    void anUnknownEnumValueIsABadRequest() {
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + fixtures.admin(web))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "某单位", "type", "ZOO"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongContentTypeIs415() {
        web.post().uri("/api/v1/auth/login").contentType(MediaType.TEXT_PLAIN).bodyValue("admin:secret")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "unsupported-media-type");
    }

    @Test
    void unknownRouteIs404() {
        web.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "not-found")
                .jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void wrongMethodIs405() {
        web.get().uri("/api/v1/auth/login").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "method-not-allowed");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "x".repeat(300 * 1024);
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + huge + "\",\"password\":\"p\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "payload-too-large");
    }

    @Test
    void missingOrBadTokenIs401AndWrongRoleIs403() {
        web.get().uri("/api/v1/units").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "unauthorized");
        web.get().uri("/api/v1/units").header("Authorization", "Bearer not.a.token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + fixtures.token(web, "test-registry", StaffRole.REGISTRY_STAFF))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "某单位", "type", "SECONDARY_UNIT"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(TYPES + "forbidden");
        web.get().uri("/api/v1/staff/sms").header("Authorization", "Bearer " + fixtures.token(web, "test-registry", StaffRole.REGISTRY_STAFF))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void detailsFollowTheCallersLanguage() {
        web.post().uri("/api/v1/auth/login").header("Accept-Language", "en-GB,en;q=0.9")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody-" + System.nanoTime(), "password", "x"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The username or password is wrong.");
        web.post().uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody-" + System.nanoTime(), "password", "x"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("用户名或密码错误。");
    }
}
