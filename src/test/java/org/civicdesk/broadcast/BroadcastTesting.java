package org.civicdesk.broadcast;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civicdesk.directory.Contact;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.support.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Units with duty phones and members, and notices issued the way the command group does, for tests. */
final class BroadcastTesting {

    private BroadcastTesting() {
    }

    /** A new unit of this type whose duty contacts have these phones. */
    static Unit unit(Units units, UnitType type, String... phones) {
        List<Contact> contacts = Arrays.stream(phones).map(phone -> new Contact("值班-" + phone.substring(phone.length() - 4), phone))
                .toList();
        return units.create("广播测试" + type.label() + "-" + System.nanoTime(), type, contacts).block(Duration.ofSeconds(5));
    }

    /** A member of the unit, signed in. */
    static String member(Fixtures fixtures, WebTestClient web, Unit unit, String name) {
        return fixtures.token(web, name + "-" + unit.id(), StaffRole.UNIT_MEMBER, unit.id());
    }

    /** Issues a notice; returns its number. */
    static long issue(WebTestClient web, String admin, Map<String, ?> body) {
        Map<?, ?> created = web.post().uri("/api/v1/staff/notices").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) created.get("id")).longValue();
    }

    static Map<String, Object> notice(String title, String severity, Map<String, ?> audience, boolean requiresAck,
            Integer deadlineMinutes) {
        return requiresAck
                ? Map.of("title", title, "body", "**" + title + "**\n\n请各单位落实。", "severity", severity, "audience", audience,
                        "requiresAck", true, "ackDeadlineMinutes", deadlineMinutes)
                : Map.of("title", title, "body", "**" + title + "**\n\n请各单位落实。", "severity", severity, "audience", audience);
    }

    /** The acknowledgement report of a notice. */
    static Map<?, ?> report(WebTestClient web, String admin, long id) {
        return web.get().uri("/api/v1/staff/notices/{id}/acknowledgements", id).header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A unit's line in a report. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> unitIn(Map<?, ?> report, long unitId) {
        return ((List<Map<String, Object>>) report.get("units")).stream()
                .filter(u -> ((Number) u.get("unitId")).longValue() == unitId)
                .findFirst().orElseThrow(() -> new AssertionError("Unit " + unitId + " not in " + report));
    }
}
