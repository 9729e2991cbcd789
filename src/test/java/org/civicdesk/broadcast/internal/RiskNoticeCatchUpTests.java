package org.civicdesk.broadcast.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk change whose notices were never issued (its instance stopped right after committing)
 * is caught up by the next pass, and a change is turned into notices only once.
 */
@CivicDeskTest
class RiskNoticeCatchUpTests {

    @Autowired
    RiskNotices riskNotices;

    @Autowired
    Units units;

    @Test
    void aMissedChangeIsCaughtUpOnceAndOnlyOnce() throws Exception {
        Unit home = units.create("补发测试养老院-" + System.nanoTime(), UnitType.ELDERLY_CARE_HOME,
                List.of(new Contact("值班", Fixtures.newPhone()))).block(Duration.ofSeconds(5));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement insert = db.prepareStatement("""
                        insert into risk_level_changes (unit_id, previous, level, reason, changed_by, changed_at)
                        values (?, 'NORMAL', 'HIGH', '实例提交后即停止', 'test', ?)""")) {
            insert.setLong(1, home.id());
            insert.setTimestamp(2, Timestamp.from(at));
            insert.executeUpdate();
        }
        riskNotices.catchUp();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> notices(home.id()) == 1);
        riskNotices.catchUp();
        riskNotices.catchUp();
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> notices(home.id()) == 1);
    }

    private static int notices(long unitId) throws Exception {
        try (Connection db = TestServices.get().jdbc();
                PreparedStatement query = db.prepareStatement("""
                        select count(*) from notices n join notice_deliveries d on d.notice_id = n.id
                         where n.kind = 'RISK_LEVEL' and d.unit_id = ? and n.guideline_title like '%第二版%'""")) {
            query.setLong(1, unitId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isLessThanOrEqualTo(1);
                return rows.getInt(1);
            }
        }
    }
}
