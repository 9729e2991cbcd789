package org.civicdesk.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every rule a booking must pass, and the problem a citizen gets when it does not. */
@CivicDeskTest
class BookingRulesTests {

    private static final String PROBLEMS = "https://civicdesk.org/problems/";

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Clock clock;

    Scenario scenario;
    LocalDate day;
    Scenario.Citizen citizen;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
        day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 5, "09:00", "09:30");
        citizen = scenario.citizen();
    }

    @Test
    void anIdNumberWithAWrongCheckDigitABadDateOrTheWrongShapeIsInvalid() {
        String valid = ResidentIds.man(Scenario.ADULT);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        String badCheck = valid.substring(0, 17) + wrong;
        String body17 = valid.substring(0, 6) + "19900231" + valid.substring(14, 17);
        String badDate = body17 + ResidentIds.check(body17);
        for (String id : List.of(badCheck, badDate, "12345", valid.substring(0, 17) + "Y")) {
            scenario.book(citizen, Scenario.marriage(day, "09:00", id, ResidentIds.woman(Scenario.ADULT)))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-id-number")
                    .jsonPath("$.errors[0].field").isEqualTo("parties[0].idNumber");
        }
        // A lower-case x check character, and spaces as people type them, are fine.
        String withX = xId();
        scenario.book(citizen, Scenario.marriage(day, "09:00", withX.toLowerCase().substring(0, 6) + " " + withX.substring(6).toLowerCase(),
                        ResidentIds.woman(Scenario.ADULT)))
                .expectStatus().isCreated();
    }

    @Test
    void bothPartiesMustBeOfLegalMarriageAgeOnTheDayItself() {
        // A man turning 22 the day after the appointment is refused; a woman of 20 on the day is fine.
        String man = ResidentIds.man(day.minusYears(22).plusDays(1));
        String woman = ResidentIds.woman(day.minusYears(20));
        scenario.book(citizen, Scenario.marriage(day, "09:00", man, woman))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "under-marriage-age")
                .jsonPath("$.minimumAge").isEqualTo(22);
        scenario.book(citizen, Scenario.marriage(day, "09:00", ResidentIds.man(day.minusYears(22)), woman))
                .expectStatus().isCreated();
    }

    @Test
    void theTwoPartiesAreTwoDifferentPeopleAndBothAreNamed() {
        String same = ResidentIds.man(Scenario.ADULT);
        scenario.book(citizen, Scenario.marriage(day, "09:00", same, same))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-parties");
        Map<String, Object> one = Scenario.couple(day, "09:00");
        one.put("parties", List.of(Map.of("name", "张三", "idNumber", ResidentIds.man(Scenario.ADULT))));
        scenario.book(citizen, one).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-parties");
    }

    @Test
    void moreCompanionsThanTheRiskLevelAllowsAreRefused() {
        Map<String, Object> body = Scenario.couple(day, "09:00");
        body.put("companions", 3);
        scenario.book(citizen, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "too-many-companions")
                .jsonPath("$.maxCompanions").isEqualTo(2);
        body.put("companions", 2);
        scenario.book(citizen, body).expectStatus().isCreated();
    }

    @Test
    void declaredTravelToARiskAreaBlocksTheBookingAndGivesTheHotline() {
        Map<String, Object> body = Scenario.couple(day, "09:00");
        body.put("declaration", Map.of("recentTravel", List.of("鄂尔多斯", "呼和浩特市")));
        scenario.book(citizen, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "declaration-blocks-booking")
                .jsonPath("$.hotline").isEqualTo("12345")
                .jsonPath("$.riskAreas[0]").isEqualTo("呼和浩特")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("12345"));
        body.put("declaration", Map.of("recentTravel", List.of("鄂尔多斯")));
        scenario.book(citizen, body).expectStatus().isCreated();
    }

    @Test
    void onePersonHoldsOneActiveBookingPerServiceWhoeverBooksIt() {
        String id = ResidentIds.woman(Scenario.ADULT);
        Map<String, Object> first = scenario.booked(citizen, Scenario.marriage(day, "09:00", ResidentIds.man(Scenario.ADULT), id));
        // Another citizen, another slot, the same woman: refused.
        scenario.book(scenario.citizen(), Scenario.marriage(day, "09:30", ResidentIds.man(Scenario.ADULT), id))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate-booking");
        // Once cancelled, she may book again.
        scenario.as(citizen, web.delete().uri("/api/v1/bookings/{c}", first.get("code"))).exchange().expectStatus().isOk();
        scenario.book(scenario.citizen(), Scenario.marriage(day, "09:30", ResidentIds.man(Scenario.ADULT), id))
                .expectStatus().isCreated();
    }

    @Test
    void aFullSlotAClosedDayAndAMissingSlotEachHaveTheirOwnProblem() {
        LocalDate small = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, small, 1, "10:00");
        scenario.booked(citizen, Scenario.couple(small, "10:00"));
        scenario.book(scenario.citizen(), Scenario.couple(small, "10:00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-full");
        scenario.book(citizen, Scenario.couple(small, "10:30")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-not-found");
        LocalDate unopened = scenario.freshDay();
        scenario.book(citizen, Scenario.couple(unopened, "10:00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "day-closed");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndARetryGetsTheSameBooking() {
        Map<String, Object> body = Scenario.couple(day, "09:00");
        web.post().uri("/api/v1/bookings").header("Authorization", "Bearer " + citizen.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-required");

        String key = UUID.randomUUID().toString();
        String code = (String) scenario.book(citizen, body, key).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");
        scenario.book(citizen, body, key).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.code").isEqualTo(code);
        assertOneBooking(code);

        Map<String, Object> different = new java.util.HashMap<>(body);
        different.put("slotStart", "09:30");
        scenario.book(citizen, different, key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");
    }

    @Test
    void citizensBookOnlineOnlyAndOnlyWithACitizenToken() {
        Map<String, Object> body = Scenario.couple(day, "09:00");
        body.put("channel", "COUNTER");
        scenario.book(citizen, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "channel-not-allowed");
        web.post().uri("/api/v1/bookings").header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Scenario.couple(day, "09:00")).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/bookings").header("Authorization", "Bearer " + scenario.registry())
                .header("Idempotency-Key", "k1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Scenario.couple(day, "09:00")).exchange().expectStatus().isForbidden();
    }

    @Test
    void malformedRequestsAreProblemsNeverServerErrors() {
        Map<String, Object> noDate = Scenario.couple(day, "09:00");
        noDate.remove("date");
        scenario.book(citizen, noDate).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation-failed");
        Map<String, Object> badService = Scenario.couple(day, "09:00");
        badService.put("service", "DIVORCE");
        scenario.book(citizen, badService).expectStatus().isBadRequest();
        Map<String, Object> badTime = Scenario.couple(day, "09:00");
        badTime.put("slotStart", "nine");
        scenario.book(citizen, badTime).expectStatus().isBadRequest();
        scenario.book(citizen, Scenario.couple(day, "09:00"), "has spaces in it").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-idempotency-key");
    }

    private void assertOneBooking(String code) {
        scenario.as(citizen, web.get().uri("/api/v1/bookings")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.code == '" + code + "')]").value(list ->
                        org.assertj.core.api.Assertions.assertThat((List<?>) list).hasSize(1))
                .jsonPath("$.length()").isEqualTo(1);
    }

    /** An ID number whose check character is X. */
    private static String xId() {
        while (true) {
            String id = ResidentIds.man(Scenario.ADULT);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }
}
