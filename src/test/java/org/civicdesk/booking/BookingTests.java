package org.civicdesk.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civicdesk.quota.ServiceCode;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen books through the seat gate and gets a reference to read aloud, masked data and an SMS. */
class BookingTests extends InScenario {

    @Test
    @SuppressWarnings("unchecked")
    void aMarriageBookingIsConfirmedWithAReadableCodeMaskedIdsAndAnSms() throws Exception {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.MARRIAGE_REGISTRATION, day, 3, "09:00", "09:30");
        Scenario.Citizen citizen = scenario.citizen();
        String idA = ResidentIds.man(Scenario.ADULT);
        String idB = ResidentIds.woman(Scenario.ADULT);

        Map<String, Object> booking = scenario.booked(citizen, Scenario.marriage(day, "09:30", idA, idB));

        String code = (String) booking.get("code");
        assertThat(code).matches("\\d{8}");
        assertThat(booking).containsEntry("status", "CONFIRMED").containsEntry("service", "MARRIAGE_REGISTRATION")
                .containsEntry("date", day.toString()).containsEntry("slotStart", "09:30:00").containsEntry("slotEnd", "10:00:00")
                .containsEntry("companions", 1);
        List<Map<String, Object>> parties = (List<Map<String, Object>>) booking.get("parties");
        assertThat(parties).extracting(p -> p.get("idNumber"))
                .containsExactly(idA.substring(0, 6) + "********" + idA.substring(14), idB.substring(0, 6) + "********" + idB.substring(14));
        assertThat((String) booking.get("qr")).startsWith("CD1." + code + ".");

        FakeTwilio.Sms sms = Scenario.awaitSms(citizen.phone(), "预约成功");
        assertThat(sms.body()).contains(code.substring(0, 4) + " " + code.substring(4)).contains("婚姻登记");

        // Beneath the API: the ID numbers are encrypted, with a keyed hash beside them.
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement query = db.prepareStatement("""
                        select p.id_cipher, p.id_hash from booking_parties p join bookings b on b.id = p.booking_id
                         where b.code = ?""")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).doesNotContain(idA).doesNotContain(idB).doesNotContain(idA.substring(6, 14));
                    assertThat(rows.getString(2)).hasSize(32).doesNotContain(idA.substring(6, 14));
                }
            }
        }
        assertThat(scenario.remaining(ServiceCode.MARRIAGE_REGISTRATION, day, "09:30")).isEqualTo(2);

        scenario.as(citizen, web.get().uri("/api/v1/bookings/{c}", code)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(code);
        scenario.as(citizen, web.get().uri("/api/v1/bookings")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].code").isEqualTo(code);
        // Someone else's booking does not exist for them.
        scenario.as(scenario.citizen(), web.get().uri("/api/v1/bookings/{c}", code)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/booking-not-found");
    }
}
