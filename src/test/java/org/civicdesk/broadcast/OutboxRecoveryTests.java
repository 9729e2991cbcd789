package org.civicdesk.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries an instance claimed and never finished (it died) are left alone while its lease
 * lasts, then delivered by another instance, once.
 */
@CivicDeskTest
class OutboxRecoveryTests {

    @Autowired
    Units units;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @Test
    void rowsClaimedByADeadInstanceAreDeliveredOnceTheirLeaseRunsOut() throws Exception {
        String phone1 = Fixtures.newPhone();
        String phone2 = Fixtures.newPhone();
        Unit first = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, phone1);
        Unit second = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, phone2);
        long id;
        try (Connection db = TestServices.get().jdbc()) {
            try (PreparedStatement notice = db.prepareStatement("""
                    insert into notices (kind, title, body, severity, audience_all, audience_unit_ids, requires_ack, issued_by, issued_at)
                    values ('GENERAL', '死亡实例留下的紧急通知', '正文', 'URGENT', false, ?, false, 'test', now()) returning id""")) {
                notice.setArray(1, db.createArrayOf("bigint", new Long[] {first.id(), second.id()}));
                try (ResultSet rows = notice.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement rows = db.prepareStatement("""
                    insert into notice_deliveries (notice_id, unit_id, unit_name, unit_type, claimed_by, claimed_until, attempts)
                    values (?, ?, 'x', 'ELDERLY_CARE_HOME', 'dead-instance', ?, 1)""")) {
                for (long unit : new long[] {first.id(), second.id()}) {
                    rows.setLong(1, id);
                    rows.setLong(2, unit);
                    rows.setTimestamp(3, Timestamp.from(Instant.now().plusSeconds(2)));
                    rows.addBatch();
                }
                rows.executeBatch();
            }
        }
        // The lease still holds: nobody else touches them.
        Awaitility.await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2))
                .until(() -> twilio.messagesTo(phone1).isEmpty() && twilio.messagesTo(phone2).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> twilio.messagesTo(phone1).size() == 1 && twilio.messagesTo(phone2).size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pending(id) == 0);
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> twilio.messagesTo(phone1).size() == 1 && twilio.messagesTo(phone2).size() == 1);
        assertThat(twilio.messagesTo(phone1).get(0).body()).contains("死亡实例留下的紧急通知");
    }

    private static int pending(long noticeId) {
        return IssuingInstanceDeliveryTests.pending(noticeId);
    }
}
