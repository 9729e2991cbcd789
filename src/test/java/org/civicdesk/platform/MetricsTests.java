package org.civicdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.civicdesk.booking.Scenario;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures the dashboard is built on are exported on /actuator/prometheus. */
@CivicDeskTest
class MetricsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Clock clock;

    @Test
    void bookingOutcomesGateLatencySeatsNoticesStompAndSmsAreExported() {
        Scenario scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 1, "09:00");
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(409);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(metrics)
                    .containsPattern("civicdesk_booking_attempts_total\\{[^}]*outcome=\"confirmed\"[^}]*service=\"MARRIAGE_REGISTRATION\"")
                    .containsPattern("civicdesk_booking_attempts_total\\{[^}]*outcome=\"slot-full\"")
                    .contains("civicdesk_seat_gate_seconds_bucket")
                    .containsPattern("(?m)^civicdesk_seats_overbooked(\\{[^}]*\\})? 0\\.0$")
                    .contains("civicdesk_realtime_connections")
                    .contains("civicdesk_stomp_messages_total")
                    .contains("civicdesk_notices_pending_ack")
                    .contains("civicdesk_notices_overdue")
                    .contains("civicdesk_sms_pace_configured")
                    .contains("civicdesk_sms_outbox_pending");
        });
    }
}
