package org.civicdesk.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** When the deadline passes, units that have not acknowledged are chased by SMS, once, and shown as overdue. */
@CivicDeskTest
class EscalationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    @Autowired
    MutableClock clock;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void unitsThatMissTheDeadlineAreTextedOnceAndShownOverdue() {
        String admin = fixtures.admin(web);
        String diligentPhone = Fixtures.newPhone();
        String latePhone1 = Fixtures.newPhone();
        String latePhone2 = Fixtures.newPhone();
        Unit diligent = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, diligentPhone);
        Unit late = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, latePhone1, latePhone2);
        String diligentMember = BroadcastTesting.member(fixtures, web, diligent, "m");
        long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("五分钟内签收：核酸检测安排", "WARNING",
                Map.of("unitIds", List.of(diligent.id(), late.id())), true, 5));
        web.post().uri("/api/v1/units/me/notices/{id}/acknowledgement", id).header("Authorization", "Bearer " + diligentMember)
                .exchange().expectStatus().isCreated();

        // Before the deadline nobody is chased.
        clock.advance(Duration.ofMinutes(4));
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> twilio.messagesTo(latePhone1).isEmpty());
        assertThat(BroadcastTesting.unitIn(BroadcastTesting.report(web, admin, id), late.id()).get("overdue")).isEqualTo(false);

        try (StompClient progress = StompClient.connected(port, admin)) {
            progress.subscribe("p", "/topic/acknowledgements");
            clock.advance(Duration.ofMinutes(2));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> twilio.messagesTo(latePhone1).size() == 1 && twilio.messagesTo(latePhone2).size() == 1);
            assertThat(twilio.messagesTo(latePhone1).get(0).body()).contains("五分钟内签收：核酸检测安排", "尚未签收", late.name());
            StompClient.Frame escalated = progress.next(frame -> frame.body().contains("\"noticeId\":" + id)
                    && frame.body().contains("ESCALATED"), Duration.ofSeconds(5));
            assertThat(escalated.body()).contains(String.valueOf(late.id()), "\"acknowledged\":1", "\"pending\":1");
        }
        // Only once, however many passes the workers make.
        Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> twilio.messagesTo(latePhone1).size() == 1 && twilio.messagesTo(latePhone2).size() == 1);
        assertThat(twilio.messagesTo(diligentPhone)).isEmpty();

        Map<?, ?> report = BroadcastTesting.report(web, admin, id);
        assertThat(report.get("overdue")).isEqualTo(1);
        assertThat(BroadcastTesting.unitIn(report, late.id())).containsEntry("overdue", true).containsKey("escalatedAt");
        assertThat(BroadcastTesting.unitIn(report, diligent.id())).containsEntry("overdue", false).doesNotContainKey("escalatedAt");
        web.get().uri("/api/v1/staff/notices/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectBody().jsonPath("$.overdue").isEqualTo(true);
        web.get().uri("/api/v1/units/me/notices").header("Authorization", "Bearer " + BroadcastTesting.member(fixtures, web, late, "m"))
                .exchange().expectBody().jsonPath("$[0].overdue").isEqualTo(true);
    }

    @Test
    void aNoticeThatNeedsNoAcknowledgementIsNeverEscalated() {
        String admin = fixtures.admin(web);
        String phone = Fixtures.newPhone();
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT, phone);
        BroadcastTesting.issue(web, admin, BroadcastTesting.notice("仅供知悉", "INFO", Map.of("unitIds", List.of(unit.id())), false, null));
        clock.advance(Duration.ofDays(2));
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> twilio.messagesTo(phone).isEmpty());
    }
}
