package org.civicdesk.quota;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.civicdesk.booking.InScenario;
import org.civicdesk.booking.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The staff calendar reads a month of days at once, each with its slots, capacities and bookings;
 * citizens' slots say when they are too soon to book rather than looking full.
 */
class StaffQuotaCalendarTests extends InScenario {

    private static final String PROBLEMS = "https://civicdesk.org/problems/";

    @Test
    void staffReadEveryDayOfARangeWithItsBookingsAndUnopenedDaysClosed() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 3, "09:00", "09:30");
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:30"));
        LocalDate unopened = scenario.freshDay();

        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from={f}&to={t}", day, unopened)
                .header("Authorization", "Bearer " + scenario.registry()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo((int) (unopened.toEpochDay() - day.toEpochDay() + 1))
                .jsonPath("$[0].date").isEqualTo(day.toString())
                .jsonPath("$[0].open").isEqualTo(true)
                .jsonPath("$[0].booked").isEqualTo(1)
                .jsonPath("$[0].slots.length()").isEqualTo(2)
                .jsonPath("$[0].slots[0].capacity").isEqualTo(3)
                .jsonPath("$[0].slots[1].booked").isEqualTo(1)
                .jsonPath("$[-1:].date").isEqualTo(java.util.List.of(unopened.toString()))
                .jsonPath("$[-1:].open").isEqualTo(java.util.List.of(false))
                .jsonPath("$[-1:].slots.length()").isEqualTo(java.util.List.of(0));
    }

    @Test
    void aRangeTooLongOrBackwardsIsRefusedAndOthersServicesAreNotRead() {
        LocalDate day = scenario.freshDay();
        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from={f}&to={t}", day, day.plusDays(62))
                .header("Authorization", "Bearer " + scenario.registry()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-range");
        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from={f}&to={t}", day, day.minusDays(1))
                .header("Authorization", "Bearer " + scenario.registry()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        web.get().uri("/api/v1/staff/quotas/CREMATION/days?from={f}&to={t}", day, day)
                .header("Authorization", "Bearer " + scenario.registry()).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from={f}&to={t}", day, day).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aSlotTooSoonToBookSaysSoWhileALaterOneStillTakesBookings() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 4, "09:00", "15:00");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        clock.advance(Duration.between(ZonedDateTime.now(clock.withZone(zone)), day.atTime(10, 0).atZone(zone)));

        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.days[0].bookable").isEqualTo(true)
                .jsonPath("$.days[0].slots[0].start").isEqualTo("09:00:00")
                .jsonPath("$.days[0].slots[0].inTime").isEqualTo(false)
                .jsonPath("$.days[0].slots[0].remaining").isEqualTo(0)
                .jsonPath("$.days[0].slots[0].capacity").isEqualTo(4)
                .jsonPath("$.days[0].slots[1].inTime").isEqualTo(true)
                .jsonPath("$.days[0].slots[1].remaining").isEqualTo(4);
    }
}
