package org.civicdesk.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.civicdesk.directory.StaffRole;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The office's desk: the day's list, check-in by code or QR, no-shows and what they lead to. */
@CivicDeskTest
class StaffDeskTests {

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
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 3, "09:00", "09:30");
        scenario.open(ServiceCode.FAREWELL_CEREMONY, day, 2, "09:00");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachOfficeSeesItsOwnDayListAndTheFuneralHomeSeesSpecialHandling() {
        Map<String, Object> marriage = scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        Map<String, Object> farewell = scenario.booked(scenario.citizen(),
                Scenario.funeral(ServiceCode.FAREWELL_CEREMONY, day, "09:00", Fixtures.newPhone(), true));

        list(scenario.registry(), null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == '" + marriage.get("code") + "')]").exists()
                .jsonPath("$[?(@.code == '" + farewell.get("code") + "')]").doesNotExist()
                .jsonPath("$[0].parties[0].idNumber").value(id -> assertThat((String) id).contains("********"));
        list(scenario.funeral(), null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == '" + farewell.get("code") + "')].deceased.specialHandling").isEqualTo(true)
                .jsonPath("$[?(@.code == '" + marriage.get("code") + "')]").doesNotExist();
        list(scenario.funeral(), ServiceCode.MARRIAGE_REGISTRATION).expectStatus().isForbidden();
        list(scenario.admin(), null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == '" + marriage.get("code") + "')]").exists()
                .jsonPath("$[?(@.code == '" + farewell.get("code") + "')]").exists();
        web.get().uri("/api/v1/staff/bookings?date={d}", day)
                .header("Authorization", "Bearer " + fixtures.token(web, "test-member", StaffRole.UNIT_MEMBER)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void staffCheckACitizenInOnTheDayByCodeOrQr() {
        Map<String, Object> first = scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        Map<String, Object> second = scenario.booked(scenario.citizen(), Scenario.couple(day, "09:30"));
        checkIn(scenario.registry(), Map.of("code", first.get("code"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-today");

        moveTo(day.atTime(8, 50));
        String spoken = ((String) first.get("code")).substring(0, 4) + " " + ((String) first.get("code")).substring(4);
        checkIn(scenario.registry(), Map.of("code", spoken)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CHECKED_IN");
        checkIn(scenario.registry(), Map.of("code", first.get("code"))).expectStatus().isEqualTo(409);
        checkIn(scenario.funeral(), Map.of("qr", second.get("qr"))).expectStatus().isForbidden();
        checkIn(scenario.registry(), Map.of("qr", second.get("qr"))).expectStatus().isOk()
                .expectBody().jsonPath("$.code").isEqualTo(second.get("code"));
        String forged = ((String) second.get("qr")).substring(0, ((String) second.get("qr")).length() - 2) + "xx";
        checkIn(scenario.registry(), Map.of("qr", forged)).expectStatus().isNotFound();
        checkIn(scenario.registry(), Map.of("code", "12345678")).expectStatus().isNotFound();
    }

    @Test
    void twoMarriageNoShowsInNinetyDaysSuspendOnlineBookingButFuneralServicesAreExempt() {
        Scenario.Citizen citizen = scenario.citizen();
        String idA = ResidentIds.man(Scenario.ADULT);
        String idB = ResidentIds.woman(Scenario.ADULT);
        Map<String, Object> first = scenario.booked(citizen, Scenario.marriage(day, "09:00", idA, idB));
        noShow(first).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-not-over");

        moveTo(day.atTime(9, 31));
        noShow(first).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("NO_SHOW");
        // One no-show: a second booking is still possible (the person is free again).
        LocalDate later = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, later, 3, "09:00");
        Map<String, Object> second = scenario.booked(citizen, Scenario.marriage(later, "09:00", idA, idB));
        moveTo(later.atTime(9, 31));
        noShow(second).expectStatus().isOk();
        assertThat(Scenario.awaitSms(citizen.phone(), "网上预约暂停至").body()).contains("2 次");

        LocalDate third = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, third, 3, "09:00");
        scenario.book(scenario.citizen(), Scenario.marriage(third, "09:00", idA, ResidentIds.woman(Scenario.ADULT)))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "booking-suspended").jsonPath("$.until").exists();

        // Funeral no-shows suspend nobody.
        Scenario.Citizen family = scenario.citizen();
        LocalDate funeralDay = scenario.freshDay();
        scenario.open(ServiceCode.FAREWELL_CEREMONY, funeralDay, 3, "09:00", "10:00", "11:00");
        for (String start : new String[] {"09:00", "10:00"}) {
            Map<String, Object> body = Scenario.funeral(ServiceCode.FAREWELL_CEREMONY, funeralDay, start, Fixtures.newPhone(), false);
            Map<String, Object> booked = scenario.booked(family, body);
            moveTo(funeralDay.atTime(Integer.parseInt(start.substring(0, 2)), 31));
            noShow(booked).expectStatus().isOk();
        }
        clock.reset();
        scenario.book(family, Scenario.funeral(ServiceCode.FAREWELL_CEREMONY, funeralDay, "11:00", Fixtures.newPhone(), false))
                .expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec list(String token, ServiceCode service) {
        return web.get().uri(service == null ? "/api/v1/staff/bookings?date=" + day : "/api/v1/staff/bookings?date=" + day + "&service=" + service)
                .header("Authorization", "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec checkIn(String token, Map<String, Object> body) {
        return web.post().uri("/api/v1/staff/bookings/check-in").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec noShow(Map<String, Object> booking) {
        return web.post().uri("/api/v1/staff/bookings/{c}/no-show", booking.get("code"))
                .header("Authorization", "Bearer " + scenario.admin()).exchange();
    }

    private void moveTo(LocalDateTime local) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), local.atZone(SHANGHAI).toInstant()));
    }
}
