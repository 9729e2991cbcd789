package org.civicdesk.broadcast;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.realtime.StompClient;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskTesting;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk-level change reaches every unit whose level it changes with the guideline its kind of
 * unit follows at the new level, as the bureau's notice prescribes, and no other unit.
 */
@CivicDeskTest
class RiskLevelNoticeTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    private final FakeTwilio twilio = TestServices.get().twilio();

    @AfterEach
    void backToNormal() {
        RiskTesting.district(web, fixtures.admin(web), RiskLevel.NORMAL, "测试结束，恢复常态化防控");
    }

    @Test
    void eachUnitTypeGetsItsGuidelineForTheNewDistrictLevel() {
        String admin = fixtures.admin(web);
        Unit home = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, Fixtures.newPhone());
        Unit funeral = BroadcastTesting.unit(units, UnitType.FUNERAL_HOME, Fixtures.newPhone());
        try (StompClient homeBoard = StompClient.connected(port, BroadcastTesting.member(fixtures, web, home, "m"));
                StompClient funeralBoard = StompClient.connected(port, BroadcastTesting.member(fixtures, web, funeral, "m"))) {
            homeBoard.subscribe("n", "/topic/notices");
            funeralBoard.subscribe("n", "/topic/notices");
            RiskTesting.district(web, admin, RiskLevel.SPORADIC, "东胜区出现零星散发本土病例");

            StompClient.Frame forHome = homeBoard.next(this::riskNotice, Duration.ofSeconds(10));
            assertThat(forHome.body()).contains("\"riskLevel\":\"SPORADIC\"", "\"severity\":\"WARNING\"", "\"requiresAck\":true",
                    "\"guideline\":{\"title\":\"《零星散发区域养老机构新冠肺炎疫情防控指南》\"",
                    "非必需不入院，非必需不探视", "东胜区出现零星散发本土病例");
            StompClient.Frame forFuneral = funeralBoard.next(this::riskNotice, Duration.ofSeconds(10));
            assertThat(forFuneral.body()).contains("殡仪馆疫情防控工作方案（零星散发）", "严格按操作规程处置疫情感染患者遗体")
                    .doesNotContain("养老机构新冠肺炎疫情防控指南");
        }
        // District notices are public: the feed carries them.
        web.get().uri("/api/v1/notices/feed").exchange().expectStatus().isOk()
                .expectBody(String.class).value(feed -> assertThat(feed).contains("疫情风险等级调整为「零星散发」（养老服务机构）"));
    }

    @Test
    void anInfectedHomeIsHighWhateverTheDistrictAndOnlyItIsTold() {
        String admin = fixtures.admin(web);
        String homePhone = Fixtures.newPhone();
        Unit home = BroadcastTesting.unit(units, UnitType.ELDERLY_CARE_HOME, homePhone);
        Unit funeral = BroadcastTesting.unit(units, UnitType.FUNERAL_HOME, Fixtures.newPhone());
        try (StompClient homeBoard = StompClient.connected(port, BroadcastTesting.member(fixtures, web, home, "m"));
                StompClient funeralBoard = StompClient.connected(port, BroadcastTesting.member(fixtures, web, funeral, "m"))) {
            homeBoard.subscribe("n", "/topic/notices");
            funeralBoard.subscribe("n", "/topic/notices");

            RiskTesting.unit(web, admin, home.id(), RiskLevel.HIGH, "院内发现一例感染");
            StompClient.Frame high = homeBoard.next(this::riskNotice, Duration.ofSeconds(10));
            assertThat(high.body()).contains("\"severity\":\"URGENT\"",
                    "《新冠肺炎疫情高风险地区及被感染养老机构防控指南（第二版）》", home.name());
            // URGENT: the home's duty contact is texted too.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twilio.messagesTo(homePhone).size() == 1);
            assertThat(funeralBoard.poll(Duration.ofMillis(700))).isNull();

            // The district rising to HIGH changes nothing for the home, which is HIGH already.
            RiskTesting.district(web, admin, RiskLevel.HIGH, "列为高风险区域");
            assertThat(funeralBoard.next(this::riskNotice, Duration.ofSeconds(10)).body())
                    .contains("殡仪馆疫情防控应急处置预案（高风险）", "暂停服务：告别仪式");
            assertThat(homeBoard.poll(Duration.ofMillis(1000))).isNull();
        }
        RiskTesting.unit(web, admin, home.id(), RiskLevel.NORMAL, "院内感染清零");
    }

    private boolean riskNotice(StompClient.Frame frame) {
        return frame.command().equals("MESSAGE") && frame.body().contains("\"kind\":\"RISK_LEVEL\"");
    }
}
