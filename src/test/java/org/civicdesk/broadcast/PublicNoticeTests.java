package org.civicdesk.broadcast;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** Other warning systems read notices as CAP 1.2 alerts; the public follows an Atom feed. */
@CivicDeskTest
class PublicNoticeTests {

    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Units units;

    @Test
    void aPublicNoticeIsACap12AlertForAnyone() throws Exception {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.MARRIAGE_REGISTRY);
        long id = BroadcastTesting.issue(web, admin, Map.of("title", "婚姻登记暂停现场取号 <公告>", "body", "即日起全部实行预约 & 错峰办理。",
                "severity", "URGENT", "audience", Map.of("unitIds", List.of(unit.id())), "requiresAck", true,
                "ackDeadlineMinutes", 30, "public", true));
        byte[] xml = web.get().uri("/api/v1/notices/{id}/cap", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/cap+xml")
                .expectBody().returnResult().getResponseBody();
        Element alert = parse(xml).getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo(CAP);
        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertThat(text(alert, CAP, "identifier")).isEqualTo("civicdesk-notice-" + id);
        assertThat(text(alert, CAP, "sender")).isNotBlank();
        assertThat(text(alert, CAP, "sent")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        assertThat(text(alert, CAP, "status")).isEqualTo("Actual");
        assertThat(text(alert, CAP, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, CAP, "scope")).isEqualTo("Public");
        Element info = (Element) alert.getElementsByTagNameNS(CAP, "info").item(0);
        assertThat(text(info, CAP, "category")).isEqualTo("Health");
        assertThat(text(info, CAP, "event")).isEqualTo("疫情防控通知");
        assertThat(text(info, CAP, "urgency")).isEqualTo("Immediate");
        assertThat(text(info, CAP, "severity")).isEqualTo("Severe");
        assertThat(text(info, CAP, "certainty")).isEqualTo("Observed");
        assertThat(text(info, CAP, "headline")).isEqualTo("婚姻登记暂停现场取号 <公告>");
        assertThat(text(info, CAP, "description")).isEqualTo("即日起全部实行预约 & 错峰办理。");
        assertThat(text(info, CAP, "instruction")).contains("签收");
        assertThat(text(info, CAP, "areaDesc")).isEqualTo("鄂尔多斯市东胜区");
    }

    @Test
    void aNoticeForUnitsOnlyIsRestrictedToStaff() throws Exception {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.BUREAU_SECTION);
        long id = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("内部通知：值班表", "INFO",
                Map.of("unitIds", List.of(unit.id())), false, null));
        web.get().uri("/api/v1/notices/{id}/cap", id).exchange().expectStatus().isNotFound();
        byte[] xml = web.get().uri("/api/v1/notices/{id}/cap", id).header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        Element alert = parse(xml).getDocumentElement();
        assertThat(text(alert, CAP, "scope")).isEqualTo("Restricted");
        assertThat(text(alert, CAP, "restriction")).isNotBlank();
        assertThat(text(alert, CAP, "urgency")).isEqualTo("Future");
    }

    @Test
    void theAtomFeedListsPublicNoticesNewestFirstAndNoOthers() throws Exception {
        String admin = fixtures.admin(web);
        Unit unit = BroadcastTesting.unit(units, UnitType.FUNERAL_HOME);
        long hidden = BroadcastTesting.issue(web, admin, BroadcastTesting.notice("不公开的通知", "INFO",
                Map.of("unitIds", List.of(unit.id())), false, null));
        long shown = BroadcastTesting.issue(web, admin, Map.of("title", "殡仪馆告别仪式限流公告", "body", "每场不超过20人。",
                "severity", "WARNING", "audience", Map.of("unitIds", List.of(unit.id())), "public", true));
        byte[] xml = web.get().uri("/api/v1/notices/feed").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/atom+xml")
                .expectBody().returnResult().getResponseBody();
        Element feed = parse(xml).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(text(feed, ATOM, "title")).isNotBlank();
        assertThat(text(feed, ATOM, "updated")).isNotBlank();
        Element first = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(text(first, ATOM, "id")).isEqualTo("tag:civicdesk.org,2022:notice:" + shown);
        assertThat(text(first, ATOM, "title")).isEqualTo("殡仪馆告别仪式限流公告");
        assertThat(text(first, ATOM, "content")).isEqualTo("每场不超过20人。");
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .endsWith("/api/v1/notices/" + shown + "/cap");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("notice:" + hidden + "<");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String namespace, String name) {
        return parent.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}
