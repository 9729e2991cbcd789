package org.civicdesk.directory;

import java.util.List;
import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The command group keeps the directory of units; every staff account can read it. */
@CivicDeskTest
class UnitManagementTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Test
    void theCommandGroupAddsChangesAndRemovesAUnitWithPhonesInE164() {
        String admin = fixtures.admin(web);
        Map<?, ?> created = web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "测试养老院-" + System.nanoTime(), "type", "ELDERLY_CARE_HOME",
                        "contacts", List.of(Map.of("name", "值班室", "phone", "138 0013 8000"),
                                Map.of("name", "院长", "phone", "+86 (0477) 858-1234"))))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/units/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) created.get("id")).longValue();
        assertThat(created.get("contacts")).isEqualTo(List.of(Map.of("name", "值班室", "phone", "+8613800138000"),
                Map.of("name", "院长", "phone", "+864778581234")));

        web.put().uri("/api/v1/units/{id}", id).header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "改名养老院-" + id, "type", "ELDERLY_CARE_HOME",
                        "contacts", List.of(Map.of("name", "新值班", "phone", "13900001111"))))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/units/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("改名养老院-" + id)
                .jsonPath("$.contacts.length()").isEqualTo(1)
                .jsonPath("$.contacts[0].phone").isEqualTo("+8613900001111");

        web.delete().uri("/api/v1/units/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/v1/units/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/unit-not-found");
    }

    @Test
    void aBadPhoneIsRefusedWithTheFieldAndNothingIsWritten() {
        String admin = fixtures.admin(web);
        String name = "坏电话单位-" + System.nanoTime();
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "type", "SECONDARY_UNIT",
                        "contacts", List.of(Map.of("name", "甲", "phone", "13800138000"), Map.of("name", "乙", "phone", "12345"))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/invalid-phone")
                .jsonPath("$.errors[0].field").isEqualTo("contacts[1].phone");
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + admin).exchange()
                .expectBody().jsonPath("$[?(@.name == '" + name + "')]").isEmpty();
    }

    @Test
    void twoUnitsCannotShareAName() {
        String admin = fixtures.admin(web);
        Map<String, Object> unit = Map.of("name", "重名单位-" + System.nanoTime(), "type", "BUREAU_SECTION");
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(unit).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(unit).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/duplicate-unit");
    }

    @Test
    void aUnitWithStaffAccountsCannotBeDeleted() {
        String admin = fixtures.admin(web);
        Map<?, ?> created = web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "有人单位-" + System.nanoTime(), "type", "SECONDARY_UNIT"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) created.get("id")).longValue();
        fixtures.staff("member-of-" + id, StaffRole.UNIT_MEMBER, id);
        web.delete().uri("/api/v1/units/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/unit-in-use");
    }

    @Test
    void everyStaffAccountReadsButOnlyTheCommandGroupWrites() {
        String registry = fixtures.token(web, "units-registry", StaffRole.REGISTRY_STAFF);
        String member = fixtures.token(web, "units-member", StaffRole.UNIT_MEMBER);
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + registry).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/units?type=FUNERAL_HOME").header("Authorization", "Bearer " + member).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/units").exchange().expectStatus().isUnauthorized();
        for (String token : List.of(registry, member)) {
            web.post().uri("/api/v1/units").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "越权单位", "type", "SECONDARY_UNIT")).exchange().expectStatus().isForbidden();
            web.delete().uri("/api/v1/units/1").header("Authorization", "Bearer " + token).exchange().expectStatus().isForbidden();
        }
        String citizen = Fixtures.citizen(web, Fixtures.newPhone());
        web.get().uri("/api/v1/units").header("Authorization", "Bearer " + citizen).exchange().expectStatus().isForbidden();
    }
}
