package org.civicdesk.realtime;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.platform.LiveUpdate;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The STOMP 1.2 server as a client sees it, byte by byte: connecting with or without a token,
 * version and heart-beat negotiation, subscriptions in every ack mode, receipts, SEND with
 * content-length, header escaping, personal queues and DISCONNECT.
 */
@CivicDeskTest
class StompProtocolTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Realtime realtime;

    @BeforeEach
    void echoHandler() {
        // A test destination: whatever is sent comes back on the sender's own queue.
        realtime.declare("/user/queue/echo", TopicPolicy.SIGNED_IN);
        realtime.onSend("/app/test/echo/{n}", send -> realtime.sendToUser(send.caller().subject(), "/user/queue/echo",
                Map.of("n", send.variables().get("n"), "body", send.body(), "custom", send.headers().getOrDefault("x-custom", ""))));
    }

    @Test
    void aSignedInClientConnectsWithTheHighestCommonVersionAndItsName() {
        String token = fixtures.token(web, "stomp-registry", StaffRole.REGISTRY_STAFF);
        try (StompClient client = StompClient.open(port)) {
            assertThat(client.subprotocol()).isEqualTo("v12.stomp");
            client.send("CONNECT\naccept-version:1.0,1.1,1.2\nhost:civicdesk\nAuthorization:Bearer " + token
                    + "\nheart-beat:0,0\n\n\0");
            StompClient.Frame connected = client.next();
            assertThat(connected.command()).isEqualTo("CONNECTED");
            assertThat(connected.header("version")).isEqualTo("1.2");
            assertThat(connected.header("user-name")).isEqualTo("stomp-registry");
            assertThat(connected.header("heart-beat")).isEqualTo("1000,10000");
            assertThat(connected.headers()).containsKey("session");
        }
        // STOMP is CONNECT by another name; the token may come as passcode; 1.1 is spoken too.
        try (StompClient client = StompClient.open(port, "v11.stomp")) {
            assertThat(client.subprotocol()).isEqualTo("v11.stomp");
            client.send("STOMP\naccept-version:1.1\nhost:civicdesk\nlogin:stomp-registry\npasscode:" + token + "\n\n\0");
            StompClient.Frame connected = client.next();
            assertThat(connected.header("version")).isEqualTo("1.1");
            assertThat(connected.header("user-name")).isEqualTo("stomp-registry");
        }
    }

    @Test
    void theServerSendsHeartBeatsAtTheAgreedPace() {
        try (StompClient client = StompClient.open(port)) {
            client.send("CONNECT\naccept-version:1.2\nhost:civicdesk\nheart-beat:0,300\n\n\0");
            assertThat(client.next().header("heart-beat")).isEqualTo("1000,10000");
            // max(sx 1000, cy 300): one every second.
            Awaitility.await().atMost(Duration.ofSeconds(4)).until(() -> client.heartbeats() >= 2);
            // A client's own heart-beats (EOLs) are welcome between frames.
            client.send("\n");
            client.send("\r\n\n");
            client.subscribe("0", "/topic/risk-level");
        }
        try (StompClient client = StompClient.open(port)) {
            client.send("CONNECT\naccept-version:1.2\nhost:civicdesk\n\n\0");
            assertThat(client.next().command()).isEqualTo("CONNECTED");
            // The client asked for none.
            assertThat(client.poll(Duration.ofMillis(1500))).isNull();
            assertThat(client.heartbeats()).isZero();
        }
    }

    @Test
    void anAnonymousClientReceivesPublicTopicsWithSequenceNumbers() {
        String destination = "/topic/availability.TEST_" + System.nanoTime();
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("seats", destination);
            realtime.publish(destination, Map.of("service", "MARRIAGE_REGISTRATION", "remaining", 7), null).block(Duration.ofSeconds(5));
            realtime.publish(destination, Map.of("service", "MARRIAGE_REGISTRATION", "remaining", 6), null).block(Duration.ofSeconds(5));
            StompClient.Frame first = client.next();
            assertThat(first.command()).isEqualTo("MESSAGE");
            assertThat(first.header("destination")).isEqualTo(destination);
            assertThat(first.header("subscription")).isEqualTo("seats");
            assertThat(first.header("seq")).isEqualTo("1");
            assertThat(first.header("content-type")).startsWith("application/json");
            assertThat(first.headers()).containsKey("message-id").doesNotContainKey("ack");
            assertThat(first.body()).contains("\"remaining\":7");
            StompClient.Frame second = client.next();
            assertThat(second.header("seq")).isEqualTo("2");
            assertThat(second.header("message-id")).isNotEqualTo(first.header("message-id"));
        }
    }

    @Test
    void liveUpdateEventsReachTheirTopic(@Autowired ApplicationEventPublisher events) {
        String destination = "/topic/availability.LIVE_" + System.nanoTime();
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("0", destination);
            events.publishEvent(new LiveUpdate(destination, Map.of("remaining", 3)));
            events.publishEvent(new LiveUpdate(destination, Map.of("remaining", 2)));
            StompClient.Frame message = client.next();
            // Close together, the two are merged and the latest wins.
            assertThat(message.body()).contains("\"remaining\":2");
            assertThat(client.poll(Duration.ofMillis(600))).isNull();
        }
    }

    @Test
    void clientAckModesCarryAnAckIdThatAckAndNackSettle() {
        String destination = "/topic/availability.ACK_" + System.nanoTime();
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("individual", destination, "ack:client-individual");
            publish(destination, 1);
            StompClient.Frame message = client.next();
            String ack = message.header("ack");
            client.send("ACK\nid:" + ack + "\nreceipt:acked\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("acked");
            publish(destination, 2);
            client.send("NACK\nid:" + client.next().header("ack") + "\nreceipt:nacked\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("nacked");

            client.send("UNSUBSCRIBE\nid:individual\nreceipt:gone\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("gone");
            client.subscribe("cumulative", destination, "ack:client");
            publish(destination, 3);
            publish(destination, 4);
            client.next();
            String last = client.next().header("ack");
            client.send("ACK\nid:" + last + "\nreceipt:both\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("both");
            // Once the server confirmed the UNSUBSCRIBE, nothing more comes on that subscription.
            client.send("UNSUBSCRIBE\nid:cumulative\nreceipt:off\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("off");
            publish(destination, 5);
            assertThat(client.poll(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void escapedHeadersAreReadAndWrittenAsSTOMP12Says() {
        String destination = "/topic/availability.ESC_" + System.nanoTime();
        try (StompClient client = StompClient.connected(port, null)) {
            // id "a:b\c" escaped on the wire
            client.send("SUBSCRIBE\nid:a\\cb\\\\c\ndestination:" + destination + "\nreceipt:r\\c1\n\n\0");
            assertThat(client.next().header("receipt-id")).isEqualTo("r:1");
            publish(destination, 1);
            assertThat(client.next().header("subscription")).isEqualTo("a:b\\c");
            // An escape STOMP does not define is a fatal error.
            client.send("SUBSCRIBE\nid:x\\ty\ndestination:" + destination + "\n\n\0");
            StompClient.Frame error = client.next();
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo("malformed frame");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }

    @Test
    void sendWithContentLengthCarriesANulInItsBodyAndUserHeadersPassThrough() {
        String token = fixtures.token(web, "stomp-echo", StaffRole.FUNERAL_STAFF);
        try (StompClient client = StompClient.connected(port, token)) {
            client.subscribe("mine", "/user/queue/echo");
            client.send("SEND\ndestination:/app/test/echo/7\ncontent-type:text/plain\ncontent-length:3\nx-custom:v\\c1\n"
                    + "receipt:sent\n\na\0b\0");
            // The handler answers on the queue before the RECEIPT says the SEND was handled.
            StompClient.Frame echo = client.next();
            assertThat(echo.command()).isEqualTo("MESSAGE");
            assertThat(client.next().header("receipt-id")).isEqualTo("sent");
            assertThat(echo.header("destination")).isEqualTo("/user/queue/echo");
            assertThat(echo.header("subscription")).isEqualTo("mine");
            assertThat(echo.body()).contains("\"n\":\"7\"").contains("a\\u0000b").contains("\"custom\":\"v:1\"");
        }
        // Another user's queue of the same name never sees it.
        String other = fixtures.token(web, "stomp-echo-other", StaffRole.FUNERAL_STAFF);
        try (StompClient mine = StompClient.connected(port, token); StompClient theirs = StompClient.connected(port, other)) {
            mine.subscribe("q", "/user/queue/echo");
            theirs.subscribe("q", "/user/queue/echo");
            mine.send("SEND\ndestination:/app/test/echo/8\n\nhello\0");
            assertThat(mine.next().body()).contains("hello");
            assertThat(theirs.poll(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void disconnectIsAnsweredWithItsReceiptBeforeTheServerCloses() {
        try (StompClient client = StompClient.connected(port, null)) {
            client.send("DISCONNECT\nreceipt:77\n\n\0");
            StompClient.Frame receipt = client.next();
            assertThat(receipt.command()).isEqualTo("RECEIPT");
            assertThat(receipt.header("receipt-id")).isEqualTo("77");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }

    private void publish(String destination, int n) {
        Mono.defer(() -> realtime.publish(destination, Map.of("n", n), null)).block(Duration.ofSeconds(5));
    }
}
