package org.civicdesk.quota;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civicdesk.booking.InScenario;
import org.civicdesk.booking.Scenario;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * When seats become bookable and for whom: the booking window and release time, hot dates
 * released in tranches, and seats held back for phone and counter until the evening before.
 */
class ReleaseAndShareTests extends InScenario {

    private static final String PROBLEMS = "https://civicdesk.org/problems/";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void restoreGenerousRules() {
        scenario.generousRules();
    }

    @Test
    void aDayIsReleasedAtItsTimeAndNoSlotIsBookedWithoutTheMinimumNotice() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 5, "09:00", "09:30");
        scenario.rules(ServiceCode.MARRIAGE_REGISTRATION, 60, 14, "08:30", 0, "18:00");

        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "outside-booking-window")
                .jsonPath("$.releasesAt").isEqualTo(day.minusDays(14).atTime(8, 30).atZone(SHANGHAI).toInstant().toString());
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectBody().jsonPath("$.days[0].bookable").isEqualTo(false).jsonPath("$.days[0].releasesAt").exists();

        moveTo(day.minusDays(14).atTime(8, 29));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isEqualTo(422);
        moveTo(day.minusDays(14).atTime(8, 30));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isCreated();

        moveTo(day.atTime(8, 29));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "outside-booking-window")
                .jsonPath("$.minNoticeMinutes").isEqualTo(60);
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isCreated();
    }

    @Test
    void aHotDateUsesItsOwnTemplateAndIsReleasedInTranches() {
        LocalDate day = scenario.freshDay();
        String registry = scenario.registry();
        web.put().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/hot-template").header("Authorization", "Bearer " + registry)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slots", List.of(Scenario.slot("09:00", 10, 0)),
                        "tranches", List.of(Map.of("daysAhead", 7, "time", "08:30", "share", 0.4),
                                Map.of("daysAhead", 6, "time", "08:30", "share", 1))))
                .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/hot-dates/{d}", day).header("Authorization", "Bearer " + registry)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "吉日")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.builtin").isEqualTo(false);
        web.post().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/template").header("Authorization", "Bearer " + registry)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", day.toString(), "to", day.toString(),
                        "pattern", Map.of(day.getDayOfWeek().name(), List.of(Scenario.slot("14:00", 2, 0)))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.hot[0]").isEqualTo(day.toString());

        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectBody()
                .jsonPath("$.days[0].hot").isEqualTo(true)
                .jsonPath("$.days[0].bookable").isEqualTo(false)
                .jsonPath("$.days[0].releases.length()").isEqualTo(2)
                .jsonPath("$.days[0].releases[0].share").isEqualTo(0.4)
                .jsonPath("$.days[0].slots[0].start").isEqualTo("09:00:00")
                .jsonPath("$.days[0].slots[0].capacity").isEqualTo(0);
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.releasesAt")
                .isEqualTo(day.minusDays(7).atTime(8, 30).atZone(SHANGHAI).toInstant().toString());

        moveTo(day.minusDays(7).atTime(8, 31));
        for (int i = 0; i < 4; i++) {
            scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isCreated();
        }
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-full");

        moveTo(day.minusDays(6).atTime(8, 31));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isCreated();
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectBody().jsonPath("$.days[0].slots[0].capacity").isEqualTo(10)
                .jsonPath("$.days[0].slots[0].remaining").isEqualTo(5);

        web.delete().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/hot-dates/2025-05-20")
                .header("Authorization", "Bearer " + registry).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "builtin-hot-date");
    }

    @Test
    void seatsHeldBackForPhoneAndCounterReturnToEveryoneTheEveningBefore() {
        LocalDate day = scenario.freshDay();
        scenario.put(ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("slots", List.of(Scenario.slot("09:00", 3, 1),
                Scenario.slot("09:30", 2, 1)))).expectStatus().isOk();
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-full");

        // An elderly caller booked at the counter gets the seat held back for them.
        String phone = Fixtures.newPhone();
        Map<String, Object> counter = Scenario.couple(day, "09:00");
        counter.put("channel", "COUNTER");
        web.post().uri("/api/v1/staff/bookings").header("Authorization", "Bearer " + scenario.registry())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "booking", counter)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.channel").isEqualTo("COUNTER");
        Scenario.awaitSms(phone, "预约成功");
        web.post().uri("/api/v1/staff/bookings").header("Authorization", "Bearer " + scenario.funeral())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "booking", Scenario.couple(day, "09:30"))).exchange()
                .expectStatus().isForbidden();

        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:30"));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isEqualTo(409);
        moveTo(day.minusDays(1).atTime(18, 1));
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isCreated();
    }

    private void moveTo(LocalDateTime local) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), local.atZone(SHANGHAI).toInstant()));
    }
}
