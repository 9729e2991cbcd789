package org.civicdesk.risk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicdesk.directory.Contact;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command group sets the district's level and units' stricter ones; everyone reads the level
 * and the profile in force, and the rest of the service hears of each change.
 */
@CivicDeskTest
class RiskLevelTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RiskLevels riskLevels;

    @Autowired
    Units units;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private final List<RiskLevelChanged> changes = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> recorder = event -> {
        if (event.getPayload() instanceof RiskLevelChanged change) {
            changes.add(change);
        }
    };

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(recorder);
    }

    @AfterEach
    void backToNormal() {
        multicaster.removeApplicationListener(recorder);
        RiskTesting.district(web, fixtures.admin(web), RiskLevel.NORMAL, "测试结束，恢复常态化防控");
    }

    @Test
    void anyoneSeesTheDistrictLevelAndTheProfileInForce() {
        web.get().uri("/api/v1/risk-level").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("NORMAL")
                .jsonPath("$.label").isEqualTo("常态化防控")
                .jsonPath("$.since").exists()
                .jsonPath("$.reason").exists()
                .jsonPath("$.profile.maxCompanions").isEqualTo(2)
                .jsonPath("$.profile.guidelines.ELDERLY_CARE_HOME.title").isEqualTo("《养老机构新冠肺炎疫情常态化防控指南》")
                .jsonPath("$.profile.guidelines.FUNERAL_HOME.procedures.length()").isNumber();
    }

    @Test
    void theCommandGroupRaisesTheDistrictLevelAndItAppliesAtOnce() {
        String admin = fixtures.admin(web);
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", "SPORADIC", "reason", "东胜区出现零星散发本土病例"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.previous").isEqualTo("NORMAL")
                .jsonPath("$.level").isEqualTo("SPORADIC");

        web.get().uri("/api/v1/risk-level").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("SPORADIC")
                .jsonPath("$.reason").isEqualTo("东胜区出现零星散发本土病例")
                .jsonPath("$.profile.appointmentOnly").isEqualTo(true)
                .jsonPath("$.profile.elderlyCareVisitsSuspended").isEqualTo(true)
                .jsonPath("$.profile.guidelines.ELDERLY_CARE_HOME.title").isEqualTo("《零星散发区域养老机构新冠肺炎疫情防控指南》");
        riskLevels.districtProfile().as(StepVerifier::create)
                .assertNext(profile -> {
                    assertThat(profile.level()).isEqualTo(RiskLevel.SPORADIC);
                    assertThat(profile.capacityFactor("MARRIAGE_REGISTRATION")).isEqualTo(0.5);
                    assertThat(profile.maxCompanions()).isEqualTo(1);
                })
                .verifyComplete();
        web.get().uri("/api/v1/risk-level/history?limit=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].level").isEqualTo("SPORADIC")
                .jsonPath("$[0].previous").isEqualTo("NORMAL")
                .jsonPath("$[0].reason").isEqualTo("东胜区出现零星散发本土病例");
        assertThat(changes).anySatisfy(change -> {
            assertThat(change.unitId()).isNull();
            assertThat(change.previous()).isEqualTo(RiskLevel.NORMAL);
            assertThat(change.level()).isEqualTo(RiskLevel.SPORADIC);
        });

        RiskTesting.district(web, admin, RiskLevel.HIGH, "高风险区域");
        riskLevels.districtProfile().as(StepVerifier::create)
                .assertNext(profile -> {
                    assertThat(profile.suspends("FAREWELL_CEREMONY")).isTrue();
                    assertThat(profile.capacityFactor("FAREWELL_CEREMONY")).isZero();
                    assertThat(profile.guidelineFor(UnitType.ELDERLY_CARE_HOME).title())
                            .isEqualTo("《新冠肺炎疫情高风险地区及被感染养老机构防控指南（第二版）》");
                })
                .verifyComplete();
    }

    @Test
    void boardsAndBookingPagesSeeTheNewDistrictLevelLive() {
        try (StompClient page = StompClient.connected(port, null)) {
            page.subscribe("level", "/topic/risk-level");
            RiskTesting.district(web, fixtures.admin(web), RiskLevel.HIGH, "列为高风险区域");
            // the previous test's return to normal may still be on its way: the page keeps the latest
            StompClient.Frame message = page.next(frame -> frame.body().contains("列为高风险区域"),
                    Duration.ofSeconds(5));
            assertThat(message.header("destination")).isEqualTo("/topic/risk-level");
            assertThat(message.body()).contains("\"level\":\"HIGH\"", "\"reason\":\"列为高风险区域\"",
                    "\"suspendedServices\":[\"FAREWELL_CEREMONY\"]");
        }
    }

    @Test
    void onlyTheCommandGroupMaySetALevel() {
        Map<String, String> body = Map.of("level", "HIGH", "reason", "试图越权");
        web.put().uri("/api/v1/staff/risk-level").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        String registry = fixtures.token(web, "risk-registry", StaffRole.REGISTRY_STAFF);
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + registry)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/forbidden");
        Unit unit = newUnit(UnitType.SECONDARY_UNIT);
        String member = fixtures.token(web, "risk-member-" + unit.id(), StaffRole.UNIT_MEMBER, unit.id());
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + member)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/risk-level").exchange().expectBody().jsonPath("$.level").isEqualTo("NORMAL");
        assertThat(changes).isEmpty();
    }

    @Test
    void aBadRequestIsRefusedAndChangesNothing() {
        String admin = fixtures.admin(web);
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "HIGH", "reason", " "))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "EXTREME", "reason", "不存在的等级"))
                .exchange().expectStatus().isBadRequest();
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "HIGH", "unitId", 987654321, "reason", "无此单位"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/unit-not-found");
        web.get().uri("/api/v1/risk-level").exchange().expectBody().jsonPath("$.level").isEqualTo("NORMAL");
    }

    @Test
    void aUnitsOwnLevelIsOnlyEverStricterThanTheDistricts() {
        String admin = fixtures.admin(web);
        Unit home = newUnit(UnitType.ELDERLY_CARE_HOME);
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", "HIGH", "unitId", home.id(), "reason", "院内发现感染"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unitId").isEqualTo(home.id())
                .jsonPath("$.previous").isEqualTo("NORMAL")
                .jsonPath("$.level").isEqualTo("HIGH")
                .jsonPath("$.followsDistrict").isEqualTo(false);
        assertThat(riskLevels.unitLevel(home.id()).block(Duration.ofSeconds(5))).isEqualTo(RiskLevel.HIGH);
        assertThat(riskLevels.districtProfile().block(Duration.ofSeconds(5)).level()).isEqualTo(RiskLevel.NORMAL);
        web.get().uri("/api/v1/staff/risk-level/units").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.unitId == " + home.id() + ")].level").isEqualTo(List.of("HIGH"));

        // The district rising to SPORADIC leaves the infected home at HIGH.
        RiskTesting.district(web, admin, RiskLevel.SPORADIC, "零星散发");
        assertThat(riskLevels.unitProfile(home.id()).block(Duration.ofSeconds(5)).level()).isEqualTo(RiskLevel.HIGH);

        // Setting the home below the district makes it follow the district again.
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", "NORMAL", "unitId", home.id(), "reason", "院内感染已清零"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.previous").isEqualTo("HIGH")
                .jsonPath("$.level").isEqualTo("SPORADIC")
                .jsonPath("$.followsDistrict").isEqualTo(true);
        assertThat(riskLevels.unitLevel(home.id()).block(Duration.ofSeconds(5))).isEqualTo(RiskLevel.SPORADIC);
        assertThat(changes).anySatisfy(change -> {
            assertThat(change.unitId()).isEqualTo(home.id());
            assertThat(change.previous()).isEqualTo(RiskLevel.HIGH);
            assertThat(change.level()).isEqualTo(RiskLevel.SPORADIC);
        });
        web.get().uri("/api/v1/staff/risk-level/history?limit=10").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.unitId == " + home.id() + ")].reason").isEqualTo(List.of("院内感染已清零", "院内发现感染"));
        // The public history is the district's alone.
        web.get().uri("/api/v1/risk-level/history?limit=50").exchange()
                .expectBody().jsonPath("$[?(@.unitId == " + home.id() + ")]").isEmpty();
    }

    @Test
    void theCommandGroupEditsAProfileAndItAppliesAtOnce() {
        String admin = fixtures.admin(web);
        RiskProfile original = riskLevels.profileOf(RiskLevel.SPORADIC).block(Duration.ofSeconds(5));
        Map<String, Object> edited = RiskTesting.profileBody(original);
        edited.put("maxCompanions", 0);
        edited.put("capacityFactors", Map.of("MARRIAGE_REGISTRATION", 0.3));
        try {
            web.put().uri("/api/v1/staff/risk-profiles/SPORADIC").header("Authorization", "Bearer " + admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(edited)
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.maxCompanions").isEqualTo(0);
            RiskProfile now = riskLevels.profileOf(RiskLevel.SPORADIC).block(Duration.ofSeconds(5));
            assertThat(now.maxCompanions()).isZero();
            assertThat(now.capacityFactor("MARRIAGE_REGISTRATION")).isEqualTo(0.3);
            assertThat(now.guidelineFor(UnitType.ELDERLY_CARE_HOME)).isEqualTo(original.guidelineFor(UnitType.ELDERLY_CARE_HOME));

            edited.put("defaultCapacityFactor", 1.5);
            web.put().uri("/api/v1/staff/risk-profiles/SPORADIC").header("Authorization", "Bearer " + admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(edited)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("defaultCapacityFactor");
            String registry = fixtures.token(web, "risk-registry", StaffRole.REGISTRY_STAFF);
            web.put().uri("/api/v1/staff/risk-profiles/SPORADIC").header("Authorization", "Bearer " + registry)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(RiskTesting.profileBody(original))
                    .exchange().expectStatus().isForbidden();
            web.get().uri("/api/v1/staff/risk-profiles").header("Authorization", "Bearer " + registry).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(3);
        }
        finally {
            web.put().uri("/api/v1/staff/risk-profiles/SPORADIC").header("Authorization", "Bearer " + admin)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(RiskTesting.profileBody(original))
                    .exchange().expectStatus().isOk();
        }
    }

    private Unit newUnit(UnitType type) {
        return units.create("风险测试单位-" + System.nanoTime(), type, List.of(new Contact("值班", Fixtures.newPhone())))
                .block(Duration.ofSeconds(5));
    }
}
