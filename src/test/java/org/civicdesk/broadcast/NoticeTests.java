package org.civicdesk.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command group issues a notice; the units it names (and only they) get it live on their
 * boards, urgent ones by SMS too, and acknowledge it once per unit by HTTP or STOMP while staff
 * watch the count rise.
 */
@CivicDeskTest
class NoticeTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @Test
    void aNoticeReachesTheMembersOfTheUnitsItNamesAndNoOthers() {
        String admin = fixtures.admin(web);
        Unit addressed = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT, Fixtures.newPhone());
        Unit other = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT, Fixtures.newPhone());
        try (StompClient member = StompClient.connected(port, BroadcastTesting.member(fixtures, web, addressed, "m"));
                StompClient outsider = StompClient.connected(port, BroadcastTesting.member(fixtures, web, other, "m"));
                StompClient command = StompClient.connected(port, admin);
                StompClient progress = StompClient.connected(port, admin)) {
            member.subscribe("n", "/topic/notices");
            outsider.subscribe("n", "/topic/notices");
            command.subscribe("n", "/topic/notices");
            progress.subscribe("p", "/topic/acknowledgements");

            long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("关于加强养老机构探视管理的通知", "WARNING",
                    Map.of("unitIds", List.of(addressed.id())), true, 30));

            StompClient.Frame message = member.next(frame -> frame.body().contains("\"id\":" + id), Duration.ofSeconds(5));
            assertThat(message.header("destination")).isEqualTo("/topic/notices");
            assertThat(message.headers()).containsKey("seq");
            assertThat(message.body()).contains("\"title\":\"关于加强养老机构探视管理的通知\"", "\"severity\":\"WARNING\"",
                    "\"requiresAck\":true", "\"issuedAt\"", "\"body\":\"**关于加强养老机构探视管理的通知**");
            command.next(frame -> frame.body().contains("\"id\":" + id), Duration.ofSeconds(5));
            assertThat(outsider.poll(Duration.ofMillis(700))).isNull();
            StompClient.Frame issued = progress.next(frame -> frame.body().contains("\"noticeId\":" + id), Duration.ofSeconds(5));
            assertThat(issued.body()).contains("\"event\":\"ISSUED\"", "\"total\":1", "\"pending\":1");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<?, ?> report = BroadcastTesting.report(web, admin, lastNotice(admin));
            assertThat(report.get("total")).isEqualTo(1);
            assertThat(report.get("acknowledged")).isEqualTo(0);
            assertThat(BroadcastTesting.unitIn(report, addressed.id()).get("deliveredVia")).isEqualTo("STOMP");
        });
    }

    @Test
    void anAudienceOfUnitTypesOrEveryoneIsResolvedToTheUnitsOfThatMoment() {
        String admin = fixtures.admin(web);
        Unit funeral = BroadcastTesting.unit(units, UnitType.FUNERAL_HOME);
        Unit section = BroadcastTesting.unit(units, UnitType.BUREAU_SECTION);
        long byType = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("殡仪馆消毒通风要求", "INFO",
                Map.of("unitTypes", List.of("FUNERAL_HOME")), false, null));
        Map<?, ?> report = BroadcastTesting.report(web, admin, byType);
        BroadcastTesting.unitIn(report, funeral.id());
        assertThat(report.toString()).doesNotContain("unitId=" + section.id() + ",");

        long everyone = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("全体单位：加强值班", "INFO",
                Map.of("all", true), false, null));
        int allUnits = web.get().uri("/api/v1/units").header("Authorization", "Bearer " + admin).exchange()
                .expectBody(List.class).returnResult().getResponseBody().size();
        assertThat(BroadcastTesting.report(web, admin, everyone).get("total")).isEqualTo(allUnits);
    }

    @Test
    void onlyTheCommandGroupIssuesAndBadNoticesAreRefusedWithTheirField() {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        Map<String, Object> valid = BroadcastTesting.notice("越权测试", "INFO", Map.of("unitIds", List.of(unit.id())), false, null);
        web.post().uri("/api/v1/staff/notices").contentType(MediaType.APPLICATION_JSON).bodyValue(valid)
                .exchange().expectStatus().isUnauthorized();
        for (String token : List.of(fixtures.token(web, "notice-registry", StaffRole.REGISTRY_STAFF),
                BroadcastTesting.member(fixtures, web, unit, "m"))) {
            web.post().uri("/api/v1/staff/notices").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(valid)
                    .exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/staff/notices").header("Authorization", "Bearer " + BroadcastTesting.member(fixtures, web, unit, "m"))
                .exchange().expectStatus().isForbidden();

        refused(admin, Map.of("title", "无对象", "body", "正文", "severity", "INFO", "audience", Map.of()), "invalid-audience", "audience");
        refused(admin, Map.of("title", "两种对象", "body", "正文", "severity", "INFO",
                "audience", Map.of("all", true, "unitIds", List.of(unit.id()))), "invalid-audience", "audience");
        refused(admin, Map.of("title", "无此单位", "body", "正文", "severity", "INFO",
                "audience", Map.of("unitIds", List.of(987654321))), "unit-not-found", "audience.unitIds");
        refused(admin, Map.of("title", "", "body", "正文", "severity", "INFO", "audience", Map.of("all", true)),
                "validation-failed", "title");
        refused(admin, Map.of("title", "时限", "body", "正文", "severity", "INFO", "audience", Map.of("all", true),
                "ackDeadlineMinutes", 10), "deadline-without-acknowledgement", "ackDeadlineMinutes");
        web.post().uri("/api/v1/staff/notices").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "等级", "body", "正文", "severity", "SEVERE", "audience", Map.of("all", true)))
                .exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/staff/notices/{id}", 987654321).header("Authorization", "Bearer " + admin)
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/notice-not-found");
    }

    @Test
    void boardsMaySubscribeOnlyToWhatIsTheirs() {
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        String member = BroadcastTesting.member(fixtures, web, unit, "m");
        forbidden(null, "/topic/notices");
        forbidden(member, "/topic/acknowledgements");
        forbidden(Fixtures.citizen(web, Fixtures.newPhone()), "/topic/notices");
        forbidden(null, "/user/queue/notices");
        try (StompClient staff = StompClient.connected(port, fixtures.token(web, "notice-funeral", StaffRole.FUNERAL_STAFF))) {
            staff.subscribe("a", "/topic/acknowledgements");
        }
    }

    @Test
    void oneAcknowledgementPerUnitCountsWhetherByHttpOrStomp() {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        Unit other = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        String first = BroadcastTesting.member(fixtures, web, unit, "first");
        String second = BroadcastTesting.member(fixtures, web, unit, "second");
        long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("请签收：值班安排", "INFO",
                Map.of("unitIds", List.of(unit.id())), true, 60));
        try (StompClient progress = StompClient.connected(port, admin);
                StompClient board = StompClient.connected(port, second);
                StompClient outsider = StompClient.connected(port, BroadcastTesting.member(fixtures, web, other, "m"))) {
            progress.subscribe("p", "/topic/acknowledgements");

            Map<?, ?> ack = web.post().uri("/api/v1/units/me/notices/{id}/acknowledgement", id)
                    .header("Authorization", "Bearer " + first).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(ack.get("via")).isEqualTo("HTTP");
            assertThat(ack.get("first")).isEqualTo(true);
            StompClient.Frame step = progress.next(frame -> frame.body().contains("\"noticeId\":" + id)
                    && frame.body().contains("ACKNOWLEDGED"), Duration.ofSeconds(5));
            assertThat(step.body()).contains("\"acknowledged\":1", "\"pending\":0", "\"via\":\"HTTP\"");

            // The second member's acknowledgement over STOMP is received, and reports the first.
            board.send("SEND\ndestination:/app/notices/" + id + "/ack\nreceipt:ack\n\n\0");
            assertThat(board.next().header("receipt-id")).isEqualTo("ack");
            web.post().uri("/api/v1/units/me/notices/{id}/acknowledgement", id)
                    .header("Authorization", "Bearer " + second).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.first").isEqualTo(false)
                    .jsonPath("$.via").isEqualTo("HTTP")
                    .jsonPath("$.acknowledgedBy").isEqualTo(ack.get("acknowledgedBy"));
            assertThat(progress.poll(Duration.ofMillis(500))).isNull();

            // A unit the notice was not for cannot acknowledge it, by either way.
            outsider.send("SEND\ndestination:/app/notices/" + id + "/ack\n\n\0");
            StompClient.Frame error = outsider.next();
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).contains("no notice " + id);
        }
        web.post().uri("/api/v1/units/me/notices/{id}/acknowledgement", id)
                .header("Authorization", "Bearer " + BroadcastTesting.member(fixtures, web, other, "m")).exchange()
                .expectStatus().isNotFound();

        Map<?, ?> report = BroadcastTesting.report(web, admin, id);
        assertThat(report.get("acknowledged")).isEqualTo(1);
        assertThat(BroadcastTesting.unitIn(report, unit.id()).get("via")).isEqualTo("HTTP");
        assertThat(BroadcastTesting.unitIn(report, unit.id()).get("acknowledgedAt")).isNotNull();
        web.get().uri("/api/v1/units/me/notices").header("Authorization", "Bearer " + first).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].notice.id").isEqualTo(id)
                .jsonPath("$[0].acknowledgedAt").exists()
                .jsonPath("$[0].overdue").isEqualTo(false);
        web.get().uri("/api/v1/staff/notices/{id}", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.acknowledged").isEqualTo(1).jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void anUrgentNoticeTextsEveryDutyContactOnce() {
        String admin = fixtures.admin(web);
        String phone1 = Fixtures.newPhone();
        String phone2 = Fixtures.newPhone();
        Unit unit = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, phone1, phone2);
        long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("紧急：立即启动应急处置预案", "URGENT",
                Map.of("unitIds", List.of(unit.id())), true, 30));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> twilio.messagesTo(phone1).size() == 1 && twilio.messagesTo(phone2).size() == 1);
        assertThat(twilio.messagesTo(phone1).get(0).body()).contains("紧急：立即启动应急处置预案", "通知编号 " + id);
        Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> twilio.messagesTo(phone1).size() == 1 && twilio.messagesTo(phone2).size() == 1);
        assertThat(BroadcastTesting.unitIn(BroadcastTesting.report(web, admin, id), unit.id()).get("deliveredVia")).isEqualTo("SMS");
    }

    @Test
    void aBoardThatWasOfflineGetsWhatIsWaitingWhenItSubscribesToItsQueue() {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.SECONDARY_UNIT);
        long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("离线期间的通知", "INFO",
                Map.of("unitIds", List.of(unit.id())), true, 60));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                BroadcastTesting.unitIn(BroadcastTesting.report(web, admin, id), unit.id()).get("deliveredAt")).isNull());
        try (StompClient board = StompClient.connected(port, BroadcastTesting.member(fixtures, web, unit, "m"))) {
            board.send("SUBSCRIBE\nid:q\ndestination:/user/queue/notices\n\n\0");
            StompClient.Frame waiting = board.next(frame -> frame.command().equals("MESSAGE"), Duration.ofSeconds(5));
            assertThat(waiting.header("destination")).isEqualTo("/user/queue/notices");
            assertThat(waiting.body()).contains("\"id\":" + id, "离线期间的通知");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                BroadcastTesting.unitIn(BroadcastTesting.report(web, admin, id), unit.id()).get("deliveredVia")).isEqualTo("STOMP"));
    }

    private long lastNotice(String admin) {
        List<?> list = web.get().uri("/api/v1/staff/notices?limit=1").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) ((Map<?, ?>) list.get(0)).get("notice")).get("id")).longValue();
    }

    private void refused(String admin, Map<String, ?> body, String type, String field) {
        web.post().uri("/api/v1/staff/notices").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/" + type)
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private void forbidden(String token, String destination) {
        try (StompClient client = StompClient.connected(port, token)) {
            client.send("SUBSCRIBE\nid:0\ndestination:" + destination + "\n\n\0");
            StompClient.Frame error = client.next();
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo("forbidden destination");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }
}
