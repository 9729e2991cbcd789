package org.civicdesk.identity;

import java.time.Duration;
import java.util.Map;

import org.civicdesk.directory.StaffRole;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in with a password; wrong passwords slow down and then lock the account. */
@CivicDeskTest
class StaffLoginTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightPasswordGivesATokenForTheAccountsRoles() {
        fixtures.staff("login-funeral", StaffRole.FUNERAL_STAFF, null);
        Map<?, ?> body = login("login-funeral", Fixtures.PASSWORD).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("roles")).isEqualTo(java.util.List.of("FUNERAL_STAFF"));
        assertThat(body.get("tokenType")).isEqualTo("Bearer");
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + body.get("token"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAlike() {
        fixtures.staff("login-wrong", StaffRole.REGISTRY_STAFF, null);
        login("login-wrong", "not the password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/invalid-credentials");
        login("login-nobody-at-all", "whatever").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/invalid-credentials");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenAgainstTheRightOne() {
        fixtures.staff("login-locked", StaffRole.REGISTRY_STAFF, null);
        for (int i = 1; i < 5; i++) {
            login("login-locked", "guess-" + i).expectStatus().isUnauthorized();
        }
        login("login-locked", "guess-5").expectStatus().isEqualTo(423)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/account-locked");
        login("login-locked", Fixtures.PASSWORD).expectStatus().isEqualTo(423);

        // Fifteen minutes later the lock is over and the right password works again.
        clock.advance(Duration.ofMinutes(16));
        login("login-locked", Fixtures.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        fixtures.staff("login-forgets", StaffRole.REGISTRY_STAFF, null);
        for (int i = 0; i < 4; i++) {
            login("login-forgets", "guess-" + i).expectStatus().isUnauthorized();
        }
        login("login-forgets", Fixtures.PASSWORD).expectStatus().isOk();
        login("login-forgets", "guess-again").expectStatus().isUnauthorized();
        login("login-forgets", Fixtures.PASSWORD).expectStatus().isOk();
    }

    @Test
    void anExpiredTokenIsRefused() {
        fixtures.staff("login-expired", StaffRole.ADMIN, null);
        clock.advance(Duration.ofHours(-9));
        String old = (String) login("login-expired", Fixtures.PASSWORD).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        clock.reset();
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + old)
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }
}
