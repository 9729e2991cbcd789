package org.civicdesk.identity;

import java.util.Map;

import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One client address may ask for only so many codes in a window (set low here; the default is
 * generous, since a carrier NAT puts many citizens behind one address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civicdesk.identity.codes-per-ip=3", "civicdesk.platform.redis-key-prefix=ip-limit-${random.uuid}:"})
@AutoConfigureWebTestClient
@Import(TestConfiguration.class)
class VerificationAddressLimitTests {

    @Autowired
    WebTestClient web;

    @Test
    void oneAddressIsCutOffAfterItsShareOfCodes() {
        for (int i = 0; i < 3; i++) {
            request(Fixtures.newPhone()).expectStatus().isAccepted();
        }
        request(Fixtures.newPhone()).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://civicdesk.org/problems/verification-rate-limited");
    }

    private WebTestClient.ResponseSpec request(String phone) {
        return web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange();
    }
}
