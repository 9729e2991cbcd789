package org.civicdesk.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.ServiceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a rush, an attempt on a slot the instance knows to be full is refused before the booking
 * controller, with the very answer the controller gives; every other request reaches the
 * controller with its body as sent.
 */
class FullSlotDoorTests extends InScenario {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReactiveJwtDecoder tokens;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void aCrowdOnAKnownFullSlotIsRefusedAtTheDoorWithTheControllersOwnProblem() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 1, "09:00");
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));

        // The first refusal comes from the seat gate, through the controller.
        Map<String, Object> fromTheGate = scenario.book(scenario.citizen(), Scenario.couple(day, "09:00"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(fromTheGate.get("type").toString()).endsWith("/slot-full");

        // The next one is refused at the door: the controller never sees it, and it is counted.
        double refused = slotFullCount();
        AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();
        StepVerifier.create(door(scenario.citizen(), Scenario.couple(day, "09:00"), UUID.randomUUID().toString(), passedOn))
                .expectErrorSatisfies(ex -> assertThat(((DomainFailure) ex).slug()).isEqualTo("slot-full"))
                .verify(Duration.ofSeconds(10));
        assertThat(passedOn.get()).isNull();
        assertThat(slotFullCount()).isEqualTo(refused + 1);

        // Over HTTP the door's answer is the controller's, field for field.
        Map<String, Object> atTheDoor = scenario.book(scenario.citizen(), Scenario.couple(day, "09:00"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(atTheDoor).isEqualTo(fromTheGate);
    }

    @Test
    void everythingTheDoorDoesNotRefuseReachesTheControllerWithItsBodyAsSent() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 1, "09:00", "10:00");
        Scenario.Citizen winner = scenario.citizen();
        String winnersKey = UUID.randomUUID().toString();
        Map<String, Object> winnersBody = Scenario.couple(day, "09:00");
        scenario.book(winner, winnersBody, winnersKey).expectStatus().isCreated();
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(409);

        // A slot with seats left, and the winner's retry on the full slot under the key that took it.
        assertPassedOnIntact(scenario.citizen(), Scenario.couple(day, "10:00"), UUID.randomUUID().toString());
        assertPassedOnIntact(winner, winnersBody, winnersKey);
        scenario.book(winner, winnersBody, winnersKey).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");

        // A body that is not valid, on the full slot: the controller says what is wrong with it.
        Map<String, Object> invalid = new java.util.HashMap<>(Scenario.couple(day, "09:00"));
        invalid.put("companions", 99);
        assertPassedOnIntact(scenario.citizen(), invalid, UUID.randomUUID().toString());
        scenario.book(scenario.citizen(), invalid).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("/validation-failed"));
    }

    private void assertPassedOnIntact(Scenario.Citizen citizen, Map<String, Object> body, String key) {
        AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();
        StepVerifier.create(door(citizen, body, key, passedOn)).verifyComplete();
        assertThat(passedOn.get()).as("passed on to the controller").isNotNull();
        String received = DataBufferUtils.join(passedOn.get().getRequest().getBody())
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                .block(Duration.ofSeconds(5));
        assertThat(received).isEqualTo(json.writeValueAsString(body));
    }

    /** The door alone, as Spring Security leaves a citizen's request, with a chain that records what it is given. */
    private Mono<Void> door(Scenario.Citizen citizen, Map<String, Object> body, String key,
            AtomicReference<ServerWebExchange> passedOn) {
        byte[] bytes = json.writeValueAsBytes(body);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/bookings")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .contentLength(bytes.length)
                .body(new String(bytes, StandardCharsets.UTF_8)));
        WebFilter door = context.getBean("fullSlotDoor", WebFilter.class);
        return tokens.decode(citizen.token()).flatMap(jwt -> door
                .filter(exchange, passed -> {
                    passedOn.set(passed);
                    return Mono.empty();
                })
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                        new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))))));
    }

    private double slotFullCount() {
        return meters.find("civicdesk.booking.attempts").tag("outcome", "slot-full").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
