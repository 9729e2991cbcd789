package org.civicdesk.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.AnotherInstance;
import org.civicdesk.realtime.Realtime;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskTesting;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one load balancer: a notice issued on one reaches boards connected to the
 * other, a risk change on one applies on the other at once, and an instance stopped in the middle
 * of a delivery leaves the rest to the other without any SMS sent twice.
 */
@CivicDeskTest
class MultiInstanceTests {

    private static AnotherInstance second;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    @Autowired
    Realtime realtime;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @BeforeAll
    static void startSecond() {
        second = AnotherInstance.start("second");
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    @AfterEach
    void reset() {
        twilio.reset();
    }

    @Test
    void aNoticeIssuedOnOneInstanceReachesABoardConnectedToTheOther() {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        try (StompClient board = StompClient.connected(port, BroadcastTesting.member(fixtures, web, unit, "m"))) {
            board.subscribe("n", "/topic/notices");
            long id = BroadcastTesting.issue(second.web(), admin, BroadcastTesting.notice("经另一实例发布的通知", "INFO",
                    Map.of("unitIds", List.of(unit.id())), false, null));
            StompClient.Frame message = board.next(frame -> frame.body().contains("\"id\":" + id), Duration.ofSeconds(10));
            assertThat(message.body()).contains("经另一实例发布的通知");
        }
    }

    @Test
    void aTopicMessagePublishedOnOneInstanceReachesSubscribersOnBothWithOneSequenceNumber() {
        String destination = "/topic/availability.RELAY_" + System.nanoTime();
        try (StompClient here = StompClient.connected(port, null); StompClient there = StompClient.connected(second.port(), null)) {
            here.subscribe("a", destination);
            there.subscribe("b", destination);
            realtime.publish(destination, Map.of("remaining", 5), null).block(Duration.ofSeconds(5));
            second.bean(Realtime.class).publish(destination, Map.of("remaining", 4), null).block(Duration.ofSeconds(5));
            List<StompClient.Frame> mine = List.of(here.next(), here.next());
            List<StompClient.Frame> theirs = List.of(there.next(), there.next());
            assertThat(mine).extracting(frame -> frame.header("seq")).containsExactlyInAnyOrder("1", "2");
            assertThat(theirs).extracting(frame -> frame.header("seq")).containsExactlyInAnyOrder("1", "2");
            assertThat(theirs).extracting(StompClient.Frame::body).anySatisfy(body -> assertThat(body).contains("\"remaining\":5"));
        }
    }

    @Test
    void aRiskChangeOnOneInstanceAppliesOnTheOtherAtOnce() {
        String admin = fixtures.admin(web);
        WebTestClient other = second.web();
        other.get().uri("/api/v1/risk-level").exchange().expectBody().jsonPath("$.level").isEqualTo("NORMAL");
        try {
            RiskTesting.district(web, admin, RiskLevel.SPORADIC, "跨实例缓存测试");
            // Well within the 30 s the other instance's copy would otherwise live.
            Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    other.get().uri("/api/v1/risk-level").exchange().expectBody().jsonPath("$.level").isEqualTo("SPORADIC"));
        }
        finally {
            RiskTesting.district(web, admin, RiskLevel.NORMAL, "测试结束");
        }
        Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                other.get().uri("/api/v1/risk-level").exchange().expectBody().jsonPath("$.level").isEqualTo("NORMAL"));
    }

    @Test
    void anInstanceStoppedMidDeliveryLeavesTheRestToAnotherWithNoSmsSentTwice() throws Exception {
        String admin = fixtures.admin(web);
        List<String> phones = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String a = Fixtures.newPhone();
            String b = Fixtures.newPhone();
            phones.add(a);
            phones.add(b);
            unitIds.add(BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, a, b).id());
        }
        twilio.latency(Duration.ofMillis(400));
        AnotherInstance doomed = AnotherInstance.start("doomed", "--civicdesk.broadcast.batch-size=1");
        long id;
        int sentWhenStopped;
        try {
            id = BroadcastTesting.issue(doomed.web(), admin, BroadcastTesting.notice("紧急：全体养老机构立即封闭管理", "URGENT",
                    Map.of("unitIds", unitIds), true, 30));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sent(phones) >= 4);
        }
        finally {
            sentWhenStopped = sent(phones);
            doomed.close();
        }
        assertThat(sentWhenStopped).as("the instance was stopped mid-delivery").isLessThan(phones.size());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent(phones) == phones.size());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> phones.stream().allMatch(phone -> twilio.messagesTo(phone).size() == 1));
        assertThat(pendingDeliveries(id)).isZero();
        Map<?, ?> report = BroadcastTesting.report(web, admin, id);
        assertThat(report.get("total")).isEqualTo(unitIds.size());
        for (long unitId : unitIds) {
            assertThat(BroadcastTesting.unitIn(report, unitId).get("deliveredAt")).isNotNull();
        }
    }

    private int sent(List<String> phones) {
        return phones.stream().mapToInt(phone -> Math.min(1, twilio.messagesTo(phone).size())).sum()
                + phones.stream().mapToInt(phone -> Math.max(0, twilio.messagesTo(phone).size() - 1)).sum();
    }

    private static int pendingDeliveries(long noticeId) throws Exception {
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from notice_deliveries where notice_id = ? and status <> 'DONE'")) {
            query.setLong(1, noticeId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
