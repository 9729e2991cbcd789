package org.civicdesk.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

/** A booking's life as its citizen lives it: cancel, reschedule, holds, a calendar file; and funeral bookings. */
@CivicDeskTest
class BookingLifeTests {

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
    Scenario.Citizen citizen;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
        day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 1, "09:00", "09:30", "10:00");
        citizen = scenario.citizen();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCancelledBookingGivesItsSeatBackAndIsConfirmedBySms() {
        String code = code(scenario.booked(citizen, Scenario.couple(day, "09:00")));
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:00")).isZero();

        scenario.as(citizen, web.delete().uri("/api/v1/bookings/{c}", code)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:00")).isEqualTo(1);
        assertThat(Scenario.awaitSms(citizen.phone(), "已取消").body()).contains(code.substring(0, 4));
        // Another citizen gets the seat; nobody cancels what is not theirs.
        scenario.booked(scenario.citizen(), Scenario.couple(day, "09:00"));
        scenario.as(scenario.citizen(), web.delete().uri("/api/v1/bookings/{c}", code)).exchange().expectStatus().isNotFound();
    }

    @Test
    void aBookingCannotBeCancelledOrMovedCloseToItsSlot() {
        String code = code(scenario.booked(citizen, Scenario.couple(day, "10:00")));
        // 1 h 59 min before the slot: past the 2-hour cutoff.
        clock.advance(Duration.between(clock.instant(), day.atTime(8, 1).atZone(SHANGHAI).toInstant()));
        scenario.as(citizen, web.delete().uri("/api/v1/bookings/{c}", code)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "change-cutoff-passed");
        scenario.as(citizen, web.post().uri("/api/v1/bookings/{c}/reschedule", code)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", day.toString(), "slotStart", "09:30")))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void reschedulingTakesTheNewSeatFirstAndOnlyThenGivesTheOldOneUp() {
        String code = code(scenario.booked(citizen, Scenario.couple(day, "09:00")));
        scenario.booked(scenario.citizen(), Scenario.couple(day, "10:00"));

        // The target is full: nothing changes.
        reschedule(code, "10:00").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "slot-full");
        scenario.as(citizen, web.get().uri("/api/v1/bookings/{c}", code)).exchange()
                .expectBody().jsonPath("$.slotStart").isEqualTo("09:00:00").jsonPath("$.status").isEqualTo("CONFIRMED");

        reschedule(code, "09:30").expectStatus().isOk()
                .expectBody().jsonPath("$.slotStart").isEqualTo("09:30:00").jsonPath("$.code").isEqualTo(code);
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:00")).isEqualTo(1);
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:30")).isZero();
        assertThat(Scenario.awaitSms(citizen.phone(), "已改至").body()).contains("09:30");
    }

    @Test
    void aHoldKeepsItsSeatUntilConfirmedAndLapsesIfNot() {
        Map<String, Object> hold = scenario.as(citizen, web.post().uri("/api/v1/bookings/holds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("service", "MARRIAGE_REGISTRATION", "date", day.toString(), "slotStart", "09:00")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(hold).containsEntry("status", "HELD").containsKey("heldUntil");
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:00")).isZero();

        String idA = ResidentIds.man(Scenario.ADULT);
        scenario.as(citizen, web.post().uri("/api/v1/bookings/holds/{c}/confirm", hold.get("code"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("parties", List.of(Map.of("name", "甲", "idNumber", idA),
                                Map.of("name", "乙", "idNumber", ResidentIds.woman(Scenario.ADULT))), "companions", 1)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED").jsonPath("$.parties[0].name").isEqualTo("甲");
        Scenario.awaitSms(citizen.phone(), "预约成功");

        // A second hold, never confirmed, lapses and its seat returns.
        String second = code(scenario.as(citizen, web.post().uri("/api/v1/bookings/holds").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("service", "MARRIAGE_REGISTRATION", "date", day.toString(), "slotStart", "09:30")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        clock.advance(Duration.ofMinutes(11));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:30") == 1);
        scenario.as(citizen, web.get().uri("/api/v1/bookings/{c}", second)).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        scenario.as(citizen, web.post().uri("/api/v1/bookings/holds/{c}/confirm", second).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("parties", List.of(Map.of("name", "丙", "idNumber", ResidentIds.man(Scenario.ADULT)),
                                Map.of("name", "丁", "idNumber", ResidentIds.woman(Scenario.ADULT))))))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "hold-expired");
    }

    @Test
    void aConfirmedHoldStillNeedsValidPeopleAndKeepsOnePersonToOneBooking() {
        String taken = ResidentIds.man(Scenario.ADULT);
        scenario.booked(scenario.citizen(), Scenario.marriage(day, "10:00", taken, ResidentIds.woman(Scenario.ADULT)));
        String hold = code(scenario.as(citizen, web.post().uri("/api/v1/bookings/holds").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("service", "MARRIAGE_REGISTRATION", "date", day.toString(), "slotStart", "09:00")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        scenario.as(citizen, web.post().uri("/api/v1/bookings/holds/{c}/confirm", hold).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-parties");
        scenario.as(citizen, web.post().uri("/api/v1/bookings/holds/{c}/confirm", hold).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("parties", List.of(Map.of("name", "甲", "idNumber", taken),
                                Map.of("name", "乙", "idNumber", ResidentIds.woman(Scenario.ADULT))))))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate-booking");
        scenario.as(citizen, web.get().uri("/api/v1/bookings/{c}", hold)).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("HELD");
    }

    @Test
    void aBookingCanBeAddedToACalendar() {
        String code = code(scenario.booked(citizen, Scenario.couple(day, "09:30")));
        String ics = scenario.as(citizen, web.get().uri("/api/v1/bookings/{c}/ics", code)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + code + "@civicdesk.org")
                .contains("DTSTART:" + day.toString().replace("-", "") + "T013000Z").contains("SUMMARY:婚姻登记")
                .endsWith("END:VCALENDAR\r\n");
        scenario.as(scenario.citizen(), web.get().uri("/api/v1/bookings/{c}/ics", code)).exchange().expectStatus().isNotFound();
    }

    @Test
    void aFuneralServiceNamesTheApplicantAndTheDeceasedNotIdNumbers() {
        LocalDate funeralDay = scenario.freshDay();
        scenario.open(ServiceCode.CREMATION, funeralDay, 2, "08:00");
        String applicant = Fixtures.newPhone();
        scenario.book(citizen, Scenario.funeral(ServiceCode.CREMATION, funeralDay, "08:00", applicant, true))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.applicant.phone").value(phone -> assertThat((String) phone).contains("****"))
                .jsonPath("$.deceased.name").isEqualTo("王老先生")
                .jsonPath("$.deceased.specialHandling").isEqualTo(true)
                .jsonPath("$.parties").doesNotExist();

        Map<String, Object> withParties = Scenario.funeral(ServiceCode.CREMATION, funeralDay, "08:00", applicant, false);
        withParties.put("parties", List.of(Map.of("name", "甲", "idNumber", ResidentIds.man(Scenario.ADULT))));
        scenario.book(citizen, withParties).expectStatus().isBadRequest();
        Map<String, Object> noApplicant = Scenario.funeral(ServiceCode.CREMATION, funeralDay, "08:00", applicant, false);
        noApplicant.remove("applicant");
        scenario.book(citizen, noApplicant).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-parties");
        Map<String, Object> badPhone = Scenario.funeral(ServiceCode.CREMATION, funeralDay, "08:00", "12", false);
        scenario.book(citizen, badPhone).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-phone");
        // The same applicant booking the same deceased twice is a duplicate.
        scenario.book(scenario.citizen(), Scenario.funeral(ServiceCode.CREMATION, funeralDay, "08:00", applicant, true))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate-booking");
    }

    @Test
    void theServicesAreListedWithOfficePartyRulesAndCurrentLimits() {
        web.get().uri("/api/v1/services").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].code").isEqualTo("MARRIAGE_REGISTRATION")
                .jsonPath("$[0].parties.kind").isEqualTo("MARRIAGE")
                .jsonPath("$[0].parties.minAgeMen").isEqualTo(22)
                .jsonPath("$[0].parties.minAgeWomen").isEqualTo(20)
                .jsonPath("$[0].office.name").isNotEmpty()
                .jsonPath("$[0].slotMinutes").isEqualTo(30)
                .jsonPath("$[0].limits.maxCompanions").isEqualTo(2)
                .jsonPath("$[0].limits.riskLevel").isEqualTo("NORMAL")
                .jsonPath("$[1].code").isEqualTo("FAREWELL_CEREMONY")
                .jsonPath("$[1].parties.kind").isEqualTo("FUNERAL")
                .jsonPath("$[3].code").isEqualTo("BODY_TRANSPORT");
    }

    private WebTestClient.ResponseSpec reschedule(String code, String start) {
        return scenario.as(citizen, web.post().uri("/api/v1/bookings/{c}/reschedule", code)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", day.toString(), "slotStart", start)))
                .exchange();
    }

    private static String code(Map<?, ?> booking) {
        return (String) booking.get("code");
    }
}
