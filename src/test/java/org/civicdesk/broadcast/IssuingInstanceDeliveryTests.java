package org.civicdesk.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.Realtime;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.realtime.StoredMessage;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance that issues a notice delivers it itself, right after the issuing transaction, under
 * the number its message took in that transaction. If that instance dies after the commit, another
 * delivers the same message once the claims run out: a board that had it already does not get it
 * twice, one that had not gets it once, and an URGENT notice's phones are texted once.
 */
@CivicDeskTest
class IssuingInstanceDeliveryTests {

    private static final String TOPIC = "/topic/notices";

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

    @Test
    void aNoticeGoesOutUnderTheNumberItsMessageTookWhenIssued() throws Exception {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        long id;
        try (StompClient board = StompClient.connected(port, BroadcastTesting.member(fixtures, web, unit, "m"))) {
            board.subscribe("n", TOPIC);
            id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("按发布时编号送达的通知", "INFO",
                    Map.of("unitIds", List.of(unit.id())), false, null));
            StompClient.Frame message = board.next(frame -> frame.body().contains("\"id\":" + id), Duration.ofSeconds(5));
            long seq = Long.parseLong(message.header("seq"));
            assertThat(messageSeq(id)).isEqualTo(seq);
            assertThat(storedBody(seq)).contains("\"id\":" + id, "按发布时编号送达的通知");
            assertThat(board.poll(Duration.ofMillis(500))).isNull();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pending(id) == 0);
    }

    @Test
    void aNoticeWhoseIssuerDiedBeforeDeliveringGoesOutOnceUnderItsNumber() throws Exception {
        String phone = Fixtures.newPhone();
        Unit unit = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, phone);
        try (StompClient board = StompClient.connected(port, BroadcastTesting.member(fixtures, web, unit, "m"))) {
            board.subscribe("n", TOPIC);
            Issued issued = issuedByADeadInstance(unit, "发布实例提交后即宕机的紧急通知");
            // The dead instance's claim still holds: nobody delivers.
            assertThat(board.poll(Duration.ofMillis(1000))).isNull();
            StompClient.Frame message = board.next(frame -> frame.body().contains("\"id\":" + issued.id()), Duration.ofSeconds(10));
            assertThat(message.header("seq")).isEqualTo(Long.toString(issued.message().seq()));
            assertThat(board.poll(Duration.ofMillis(1500))).isNull();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pending(issued.id()) == 0);
            assertThat(twilio.messagesTo(phone)).hasSize(1);
        }
    }

    @Test
    void aNoticeDeliveredJustBeforeItsIssuerDiedIsNotSeenTwice() throws Exception {
        String phone = Fixtures.newPhone();
        Unit unit = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, phone);
        try (StompClient board = StompClient.connected(port, BroadcastTesting.member(fixtures, web, unit, "m"))) {
            board.subscribe("n", TOPIC);
            Issued issued = issuedByADeadInstance(unit, "已送达后发布实例宕机的紧急通知");
            // It went out, then the instance died before the SMS and before marking the rows done.
            realtime.deliver(issued.message()).block(Duration.ofSeconds(5));
            StompClient.Frame message = board.next(frame -> frame.body().contains("\"id\":" + issued.id()), Duration.ofSeconds(5));
            assertThat(message.header("seq")).isEqualTo(Long.toString(issued.message().seq()));
            // Another worker takes the rows over once the claim runs out, and texts the phone once.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending(issued.id()) == 0);
            Awaitility.await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3))
                    .until(() -> twilio.messagesTo(phone).size() == 1);
            assertThat(board.poll(Duration.ofMillis(500))).isNull();
        }
    }

    /** A notice issued on an instance that committed and died at once: stored message, rows still claimed by it. */
    private record Issued(long id, StoredMessage message) {
    }

    private Issued issuedByADeadInstance(Unit unit, String title) throws Exception {
        long id;
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement notice = db.prepareStatement("""
                        insert into notices (kind, title, body, severity, audience_all, audience_unit_ids, requires_ack, issued_by, issued_at)
                        values ('GENERAL', ?, '正文', 'URGENT', false, ?, false, 'test', now()) returning id""")) {
            notice.setString(1, title);
            notice.setArray(2, db.createArrayOf("bigint", new Long[] {unit.id()}));
            try (ResultSet rows = notice.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
        }
        StoredMessage message = realtime.store(TOPIC, Map.of("id", id, "title", title, "severity", "URGENT"), Set.of(unit.id()))
                .block(Duration.ofSeconds(5));
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement rows = db.prepareStatement("""
                        insert into notice_deliveries (notice_id, unit_id, unit_name, unit_type, message_seq, claimed_by, claimed_until, attempts)
                        values (?, ?, 'x', 'ELDERLY_CARE_HOME', ?, 'dead-instance', ?, 1)""")) {
            rows.setLong(1, id);
            rows.setLong(2, unit.id());
            rows.setLong(3, message.seq());
            rows.setTimestamp(4, Timestamp.from(Instant.now().plusSeconds(2)));
            rows.executeUpdate();
        }
        return new Issued(id, message);
    }

    private static long messageSeq(long noticeId) {
        return TestServices.get().queryOne(Long.class, "select message_seq from notice_deliveries where notice_id = ?", noticeId);
    }

    private static String storedBody(long seq) {
        return TestServices.get().queryOne(String.class, "select body from realtime_messages where destination = ? and seq = ?",
                TOPIC, seq);
    }

    static int pending(long noticeId) {
        return TestServices.get().queryOne(Long.class,
                "select count(*) from notice_deliveries where notice_id = ? and status = 'PENDING'", noticeId).intValue();
    }
}
