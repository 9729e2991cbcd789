package org.civicdesk.channel;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.civicdesk.support.TestConfiguration;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat waits five seconds for a passive reply. When the answer takes longer (here any answer
 * does: the limit is set to a millisecond), the webhook says "success" at once and the reply
 * reaches the follower through the customer-service message API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "civicdesk.wechat.reply-within=1ms")
@AutoConfigureWebTestClient
@Import(TestConfiguration.class)
class WeChatSlowReplyTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void aSlowReplyGoesOutThroughTheCustomerServiceApi() {
        String openId = "o-slow-" + System.nanoTime();
        String answer = new Webhooks(web, port).wechat(Webhooks.textXml(openId, "帮助", System.nanoTime()),
                Instant.now().getEpochSecond()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).isEqualTo("success");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> TestServices.get().wechat().messages().stream()
                .anyMatch(m -> m.contains(openId) && m.contains("预约 结婚")));
        assertThat(TestServices.get().wechat().tokensIssued()).isPositive();
    }
}
