package org.civicdesk.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A full day's waitlist gets the seats that free up, in order; every booking is reminded the day before, once. */
@CivicDeskTest
class WaitlistAndReminderTests {

    private static final String PROBLEMS = "https://civicdesk.org/problems/";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    MutableClock clock;

    Scenario scenario;
    LocalDate day;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
        day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 1, "09:00");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFreedSeatIsOfferedToTheNextInLineWithATimedHoldThenToTheNext() {
        Scenario.Citizen holder = scenario.citizen();
        Scenario.Citizen first = scenario.citizen();
        Scenario.Citizen second = scenario.citizen();
        join(first).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "seats-available");
        String booked = (String) scenario.booked(holder, Scenario.couple(day, "09:00")).get("code");

        join(first).expectStatus().isCreated().expectBody().jsonPath("$.position").isEqualTo(1).jsonPath("$.status").isEqualTo("WAITING");
        join(second).expectStatus().isCreated().expectBody().jsonPath("$.position").isEqualTo(2);
        join(second).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "already-waitlisted");

        scenario.as(holder, web.delete().uri("/api/v1/bookings/{c}", booked)).exchange().expectStatus().isOk();
        FakeTwilio.Sms offer = Scenario.awaitSms(first.phone(), "候补到号");
        String offered = offeredCode(first);
        assertThat(offer.body()).contains(offered.substring(0, 4) + " " + offered.substring(4));
        // The seat is held for the first in line, not for anyone else.
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:00")).isZero();

        // They let the offer lapse: it passes to the second.
        clock.advance(Duration.ofMinutes(31));
        Scenario.awaitSms(second.phone(), "候补到号");
        String secondOffer = offeredCode(second);
        scenario.as(second, web.post().uri("/api/v1/bookings/holds/{c}/confirm", secondOffer).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("parties", List.of(Map.of("name", "甲", "idNumber", ResidentIds.man(Scenario.ADULT)),
                                Map.of("name", "乙", "idNumber", ResidentIds.woman(Scenario.ADULT))))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        scenario.as(second, web.get().uri("/api/v1/waitlist")).exchange().expectBody()
                .jsonPath("$[0].status").isEqualTo("BOOKED");
        scenario.as(first, web.get().uri("/api/v1/waitlist")).exchange().expectBody()
                .jsonPath("$[0].status").isEqualTo("EXPIRED");
    }

    @Test
    void aCitizenCanLeaveAWaitlist() {
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        Scenario.Citizen waiting = scenario.citizen();
        Number id = (Number) join(waiting).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        scenario.as(waiting, web.delete().uri("/api/v1/waitlist/{id}", id)).exchange().expectStatus().isNoContent();
        scenario.as(waiting, web.delete().uri("/api/v1/waitlist/{id}", id)).exchange().expectStatus().isNotFound();
    }

    @Test
    void theDayBeforeEveryBookingIsRemindedOnceEvenIfTheSweepRunsAgain() {
        Scenario.Citizen citizen = scenario.citizen();
        String code = (String) scenario.booked(citizen, Scenario.couple(day, "09:00")).get("code");
        FakeTwilio twilio = TestServices.get().twilio();
        // The evening before, after the reminder time.
        clock.advance(Duration.between(clock.instant(), day.minusDays(1).atTime(19, 0).atZone(SHANGHAI).toInstant()));
        FakeTwilio.Sms reminder = Scenario.awaitSms(citizen.phone(), "提醒");
        assertThat(reminder.body()).contains("明天 09:00").contains(code.substring(4));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> twilio.messagesTo(citizen.phone()).stream().filter(m -> m.body().contains("提醒")).count() == 1);
    }

    private WebTestClient.ResponseSpec join(Scenario.Citizen citizen) {
        return scenario.as(citizen, web.post().uri("/api/v1/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service", "MARRIAGE_REGISTRATION", "date", day.toString()))).exchange();
    }

    @SuppressWarnings("unchecked")
    private String offeredCode(Scenario.Citizen citizen) {
        List<Map<String, Object>> bookings = scenario.as(citizen, web.get().uri("/api/v1/bookings")).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return bookings.stream().filter(b -> "HELD".equals(b.get("status"))).map(b -> (String) b.get("code"))
                .findFirst().orElseThrow();
    }
}
