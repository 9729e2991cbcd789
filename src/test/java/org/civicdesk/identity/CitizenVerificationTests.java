package org.civicdesk.identity;

import java.time.Duration;
import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen proves a phone with a 6-digit SMS code, delivered through the (fake) Twilio API. */
@CivicDeskTest
@ExtendWith(OutputCaptureExtension.class)
class CitizenVerificationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    Callers callers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightCodeGivesATokenBoundToThatPhoneAndIsNeverLogged(CapturedOutput output) {
        String phone = Fixtures.newPhone();
        web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone.substring(3)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.expiresInSeconds").isEqualTo(300)
                .jsonPath("$.phone").isEqualTo(phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4));
        String code = Fixtures.awaitCode(phone, 0);
        assertThat(TestServices.get().twilio().lastTo(phone).orElseThrow().from()).isEqualTo("+15005550006");

        String token = (String) exchange(phone, code).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        callers.fromToken(token)
                .as(StepVerifier::create)
                .assertNext(caller -> {
                    assertThat(caller.isCitizen()).isTrue();
                    assertThat(caller.phone()).isEqualTo(phone);
                    assertThat(caller.roles()).isEmpty();
                })
                .verifyComplete();

        // A code works once.
        exchange(phone, code).expectStatus().isBadRequest();
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAndFiveUseItUp() {
        String phone = Fixtures.newPhone();
        String code = Fixtures.requestCode(web, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        exchange(phone, wrong).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/invalid-code")
                .jsonPath("$.remainingTries").isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            exchange(phone, wrong).expectStatus().isBadRequest();
        }
        exchange(phone, wrong).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/too-many-attempts");
        exchange(phone, code).expectStatus().isEqualTo(429);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String phone = Fixtures.newPhone();
        String code = Fixtures.requestCode(web, phone);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        exchange(phone, code).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/code-expired");
    }

    @Test
    void aPhoneGetsOneCodeAMinuteAndFiveAnHour() {
        String phone = Fixtures.newPhone();
        Fixtures.requestCode(web, phone);
        request(phone).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/verification-rate-limited");
        for (int i = 1; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            request(phone).expectStatus().isAccepted();
        }
        clock.advance(Duration.ofSeconds(61));
        request(phone).expectStatus().isEqualTo(429);
        assertThat(TestServices.get().twilio().messagesTo(phone)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void onlyTheNewestCodeCounts() {
        String phone = Fixtures.newPhone();
        String first = Fixtures.requestCode(web, phone);
        clock.advance(Duration.ofSeconds(61));
        request(phone).expectStatus().isAccepted();
        String second = Fixtures.awaitCode(phone, 1);
        if (!first.equals(second)) {
            exchange(phone, first).expectStatus().isBadRequest();
        }
        exchange(phone, second).expectStatus().isOk();
    }

    @Test
    void aBadPhoneIsRefusedWithTheField() {
        web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "12345"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        web.post().uri("/api/v1/citizens/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "13912345678", "code", "12ab56"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    private WebTestClient.ResponseSpec request(String phone) {
        return web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange();
    }

    private WebTestClient.ResponseSpec exchange(String phone, String code) {
        return web.post().uri("/api/v1/citizens/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", code)).exchange();
    }
}
