package org.civicdesk.quota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.civicdesk.booking.InScenario;
import org.civicdesk.booking.Scenario;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff set the daily numbers: open, change and close days, by day or by weekday template, with a day cap. */
class QuotaManagementTests extends InScenario {

    private static final String PROBLEMS = "https://civicdesk.org/problems/";

    @Test
    void registryStaffOpenADayAndCitizensSeeItsSlots() {
        LocalDate day = scenario.freshDay();
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.days[0].open").isEqualTo(false)
                .jsonPath("$.days[0].reason").isEqualTo("未开放预约")
                .jsonPath("$.days[0].slots.length()").isEqualTo(0);

        put(scenario.registry(), ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("slots", List.of(
                Map.of("start", "09:00", "end", "09:30", "capacity", 6),
                Map.of("start", "09:30", "end", "10:00", "capacity", 4, "reserved", 1))))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.open").isEqualTo(true).jsonPath("$.slots.length()").isEqualTo(2);

        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day.plusDays(1)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.service").isEqualTo("MARRIAGE_REGISTRATION")
                .jsonPath("$.days.length()").isEqualTo(2)
                .jsonPath("$.days[0].open").isEqualTo(true)
                .jsonPath("$.days[0].bookable").isEqualTo(true)
                .jsonPath("$.days[0].slots[0].start").isEqualTo("09:00:00")
                .jsonPath("$.days[0].slots[0].end").isEqualTo("09:30:00")
                .jsonPath("$.days[0].slots[0].capacity").isEqualTo(6)
                .jsonPath("$.days[0].slots[0].remaining").isEqualTo(6)
                // One seat of the second slot is held back for phone and counter bookings.
                .jsonPath("$.days[0].slots[1].remaining").isEqualTo(3)
                .jsonPath("$.days[1].open").isEqualTo(false);
        // The phone line sees the held-back seat.
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}&channel=PHONE", day, day).exchange()
                .expectBody().jsonPath("$.days[0].slots[1].remaining").isEqualTo(4);
    }

    @Test
    void eachStaffRoleManagesOnlyItsOwnServices() {
        LocalDate day = scenario.freshDay();
        Map<String, Object> plan = Map.of("slots", List.of(Scenario.slot("09:00", 2, 0)));
        put(scenario.funeral(), ServiceCode.MARRIAGE_REGISTRATION, day, plan).expectStatus().isForbidden();
        put(scenario.registry(), ServiceCode.CREMATION, day, plan).expectStatus().isForbidden();
        put(fixtures.token(web, "test-unit-member", StaffRole.UNIT_MEMBER), ServiceCode.CREMATION, day, plan)
                .expectStatus().isForbidden();
        put(scenario.funeral(), ServiceCode.CREMATION, day, plan).expectStatus().isOk();
        put(scenario.admin(), ServiceCode.MARRIAGE_REGISTRATION, day, plan).expectStatus().isOk();
        web.get().uri("/api/v1/staff/quotas/CREMATION/{d}", day).header("Authorization", "Bearer " + scenario.registry())
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/staff/quotas/CREMATION/{d}", day).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aClosedDayTellsCitizensWhyAndClosingNeedsAReason() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 2, "09:00");
        put(scenario.registry(), ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("closed", true))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "reason-required");
        put(scenario.registry(), ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("closed", true, "reason", "系统升级"))
                .expectStatus().isOk().expectBody().jsonPath("$.open").isEqualTo(false);
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectBody().jsonPath("$.days[0].open").isEqualTo(false).jsonPath("$.days[0].reason").isEqualTo("系统升级");
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:00")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "day-closed").jsonPath("$.reason").isEqualTo("系统升级");
    }

    @Test
    void nonsensicalPlansAreRefused() {
        LocalDate day = scenario.freshDay();
        for (Object slots : List.of(
                List.of(Map.of("start", "10:00", "end", "09:30", "capacity", 2)),
                List.of(Map.of("start", "09:00", "end", "10:00", "capacity", 2), Map.of("start", "09:30", "end", "10:30", "capacity", 2)),
                List.of(Map.of("start", "09:00", "end", "09:30", "capacity", 2, "reserved", 3)),
                List.of(Map.of("start", "09:00", "end", "09:30", "capacity", -1)),
                List.of())) {
            put(scenario.admin(), ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("slots", slots)).expectStatus().isBadRequest();
        }
        put(scenario.admin(), ServiceCode.MARRIAGE_REGISTRATION, LocalDate.now(clock).minusDays(1),
                Map.of("slots", List.of(Scenario.slot("09:00", 1, 0)))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "date-in-past");
        web.put().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/not-a-date").header("Authorization", "Bearer " + scenario.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slots", List.of(Scenario.slot("09:00", 1, 0))))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aWeekdayTemplateOpensARangeInOneCall() {
        LocalDate from = scenario.freshDay();
        for (int i = 0; i < 9; i++) {
            scenario.freshDay();
        }
        LocalDate to = from.plusDays(9);
        DayOfWeek weekday = from.plusDays(2).getDayOfWeek();
        web.post().uri("/api/v1/staff/quotas/CREMATION/template").header("Authorization", "Bearer " + scenario.funeral())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("from", from.toString(), "to", to.toString(),
                        "pattern", Map.of(weekday.name(), List.of(Scenario.slot("08:00", 3, 0), Scenario.slot("09:00", 3, 0)))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.opened.length()").isEqualTo(2)
                .jsonPath("$.opened[0]").isEqualTo(from.plusDays(2).toString())
                .jsonPath("$.opened[1]").isEqualTo(from.plusDays(9).toString());
        web.get().uri("/api/v1/availability?service=CREMATION&from={f}&to={t}", from, to).exchange().expectBody()
                .jsonPath("$.days[2].open").isEqualTo(true)
                .jsonPath("$.days[2].slots.length()").isEqualTo(2)
                .jsonPath("$.days[3].open").isEqualTo(false);
    }

    @Test
    void aDayCapLimitsTheDayOnTopOfItsSlots() {
        LocalDate day = scenario.freshDay();
        put(scenario.admin(), ServiceCode.MARRIAGE_REGISTRATION, day, Map.of("dayCap", 3,
                "slots", List.of(Scenario.slot("09:00", 2, 0), Scenario.slot("09:30", 2, 0)))).expectStatus().isOk();
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:30"));
        web.get().uri("/api/v1/availability?service=MARRIAGE_REGISTRATION&from={d}&to={d}", day, day).exchange()
                .expectBody().jsonPath("$.days[0].slots[1].remaining").isEqualTo(0);
        scenario.book(scenario.citizen(), Scenario.couple(day, "09:30")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "day-full");
    }

    @Test
    void aCapacityBelowWhatIsBookedIsRefusedUnlessStaffAskToReaccommodate() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 2, "09:00", "09:30", "10:00");
        Scenario.Citizen early = scenario.citizen();
        Scenario.Citizen late = scenario.citizen();
        String kept = (String) scenario.booked(early, Scenario.couple(day, "09:30")).get("code");
        String moved = (String) scenario.booked(late, Scenario.couple(day, "09:30")).get("code");
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));

        Map<String, Object> lower = Map.of("slots", List.of(Scenario.slot("09:00", 2, 0), Scenario.slot("09:30", 1, 0),
                Scenario.slot("10:00", 2, 0)));
        put(scenario.registry(), ServiceCode.MARRIAGE_REGISTRATION, day, lower).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "capacity-below-booked")
                .jsonPath("$.conflicts[0].excess").isEqualTo(1);

        Map<String, Object> reaccommodate = new java.util.HashMap<>(lower);
        reaccommodate.put("reaccommodate", true);
        put(scenario.registry(), ServiceCode.MARRIAGE_REGISTRATION, day, reaccommodate).expectStatus().isOk();

        // The newest booking of the slot moves to the nearest free slot (10:00, 09:00 being full) and is told so.
        String sms = Scenario.awaitSms(late.phone(), "已调整为").body();
        assertThat(sms).contains("10:00").contains(moved.substring(0, 4));
        scenario.as(late, web.get().uri("/api/v1/bookings/{c}", moved)).exchange()
                .expectBody().jsonPath("$.slotStart").isEqualTo("10:00:00").jsonPath("$.status").isEqualTo("CONFIRMED");
        scenario.as(early, web.get().uri("/api/v1/bookings/{c}", kept)).exchange()
                .expectBody().jsonPath("$.slotStart").isEqualTo("09:30:00");
        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/{d}", day).header("Authorization", "Bearer " + scenario.registry())
                .exchange().expectBody()
                .jsonPath("$.slots[1].booked").isEqualTo(1)
                .jsonPath("$.slots[2].booked").isEqualTo(1)
                .jsonPath("$.booked").isEqualTo(4);
    }

    @Test
    void closingADayWithBookingsMovesThemToOtherDaysOrCancelsThem() {
        LocalDate day = scenario.freshDay();
        LocalDate next = scenario.freshDay();
        scenario.open(ServiceCode.BODY_TRANSPORT, day, 1, "09:00", "10:00");
        scenario.open(ServiceCode.BODY_TRANSPORT, next, 1, "09:00");
        Scenario.Citizen a = scenario.citizen();
        Scenario.Citizen b = scenario.citizen();
        scenario.booked(a, Scenario.funeral(ServiceCode.BODY_TRANSPORT, day, "09:00", Fixtures.newPhone(), false));
        scenario.booked(b, Scenario.funeral(ServiceCode.BODY_TRANSPORT, day, "10:00", Fixtures.newPhone(), false));
        // Only this test's two days can take bookings now (the day itself is today, the next one the
        // last released), so seats other tests left free elsewhere are no alternative.
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        clock.advance(Duration.between(clock.instant(), day.atTime(0, 30).atZone(zone).toInstant()));
        scenario.rules(ServiceCode.BODY_TRANSPORT, 0, (int) ChronoUnit.DAYS.between(day, next), "00:00", 0, "18:00");

        put(scenario.funeral(), ServiceCode.BODY_TRANSPORT, day, Map.of("closed", true, "reason", "车辆检修", "reaccommodate", true))
                .expectStatus().isOk();
        // One seat is left on the next day: one citizen is moved there, the other cannot be and is told so.
        String smsA = Scenario.awaitSms(a.phone(), "车辆检修").body();
        String smsB = Scenario.awaitSms(b.phone(), "车辆检修").body();
        assertThat(List.of(smsA, smsB)).anySatisfy(body -> assertThat(body).contains("已调整为"))
                .anySatisfy(body -> assertThat(body).contains("只能取消").contains("12345"));
    }

    @Test
    void theBuiltInHotDatesIncludeQixiFromTheLunarCalendar() {
        web.get().uri("/api/v1/staff/quotas/MARRIAGE_REGISTRATION/hot-dates?year=2025")
                .header("Authorization", "Bearer " + scenario.registry()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.date == '2025-02-14')]").exists()
                .jsonPath("$[?(@.date == '2025-05-20')]").exists()
                .jsonPath("$[?(@.date == '2025-05-21')]").exists()
                .jsonPath("$[?(@.date == '2025-08-29')].name").isEqualTo("七夕")
                .jsonPath("$[?(@.date == '2025-09-09')]").exists()
                .jsonPath("$[?(@.date == '2025-10-10')]").exists();
        // The funeral home has no built-in hot dates.
        web.get().uri("/api/v1/staff/quotas/CREMATION/hot-dates?year=2025").header("Authorization", "Bearer " + scenario.funeral())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec put(String token, ServiceCode service, LocalDate day, Map<String, Object> body) {
        return web.put().uri("/api/v1/staff/quotas/{s}/{d}", service, day).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

}
