package org.civicdesk.risk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Setting levels and writing profiles the way the command group does, for tests. */
public final class RiskTesting {

    private RiskTesting() {
    }

    /** Sets the district's level through the API. */
    public static void district(WebTestClient web, String adminToken, RiskLevel level, String reason) {
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", level.name(), "reason", reason))
                .exchange().expectStatus().isOk();
    }

    /** Sets a unit's own level through the API. */
    public static void unit(WebTestClient web, String adminToken, long unitId, RiskLevel level, String reason) {
        web.put().uri("/api/v1/staff/risk-level").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("level", level.name(), "unitId", unitId, "reason", reason))
                .exchange().expectStatus().isOk();
    }

    /** A profile as the request body that would write it back unchanged. */
    public static Map<String, Object> profileBody(RiskProfile profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("capacityFactors", profile.capacityFactors());
        body.put("defaultCapacityFactor", profile.defaultCapacityFactor());
        body.put("maxCompanions", profile.maxCompanions());
        body.put("appointmentOnly", profile.appointmentOnly());
        body.put("suspendedServices", profile.suspendedServices());
        body.put("elderlyCareVisitsSuspended", profile.elderlyCareVisitsSuspended());
        body.put("guidelines", profile.guidelines());
        return body;
    }
}
