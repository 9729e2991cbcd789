package org.civicdesk.broadcast;

import java.util.Map;

import org.civicdesk.directory.StaffRole;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A unit member's board shows the level the unit works at and the guideline and checklist its kind
 * of unit follows there: the district's until the unit is set stricter, then the unit's own.
 */
@CivicDeskTest
class UnitBoardTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    @Test
    void anElderlyCareHomeSeesItsLevelAndItsGuidelineAndItsOwnStricterLevelOnceSet() {
        String admin = fixtures.admin(web);
        Unit home = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, Fixtures.newPhone());
        String member = BroadcastTesting.member(fixtures, web, home, "board");

        board(member).expectStatus().isOk().expectBody()
                .jsonPath("$.unitId").isEqualTo(home.id())
                .jsonPath("$.unitName").isEqualTo(home.name())
                .jsonPath("$.unitType").isEqualTo("ELDERLY_CARE_HOME")
                .jsonPath("$.level").isEqualTo("NORMAL")
                .jsonPath("$.label").isEqualTo("常态化防控")
                .jsonPath("$.ownLevel").isEqualTo(false)
                .jsonPath("$.district.level").isEqualTo("NORMAL")
                .jsonPath("$.guideline.title").isEqualTo("《养老机构新冠肺炎疫情常态化防控指南》")
                .jsonPath("$.guideline.procedures[0]").isEqualTo("早晚对入住老人和工作人员测量体温，做好健康记录")
                .jsonPath("$.elderlyCareVisitsSuspended").isEqualTo(false);

        setLevel(admin, home, "HIGH", "院内发现感染");
        board(member).expectStatus().isOk().expectBody()
                .jsonPath("$.level").isEqualTo("HIGH")
                .jsonPath("$.ownLevel").isEqualTo(true)
                .jsonPath("$.district.level").isEqualTo("NORMAL")
                .jsonPath("$.guideline.title").isEqualTo("《新冠肺炎疫情高风险地区及被感染养老机构防控指南（第二版）》")
                .jsonPath("$.elderlyCareVisitsSuspended").isEqualTo(true)
                .jsonPath("$.maxCompanions").isEqualTo(0);

        setLevel(admin, home, "NORMAL", "院内感染已清零");
        board(member).expectBody().jsonPath("$.level").isEqualTo("NORMAL").jsonPath("$.ownLevel").isEqualTo(false);
    }

    @Test
    void onlyUnitMembersHaveABoard() {
        board(fixtures.admin(web)).expectStatus().isForbidden();
        board(fixtures.token(web, "board-registry", StaffRole.REGISTRY_STAFF)).expectStatus().isForbidden();
        web.get().uri("/api/v1/units/me/board").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec board(String token) {
        return web.get().uri("/api/v1/units/me/board").header("Authorization", "Bearer " + token).exchange();
    }

    private void setLevel(String admin, Unit unit, String level, String reason) {
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", level, "unitId", unit.id(), "reason", reason))
                .exchange().expectStatus().isOk();
    }
}
