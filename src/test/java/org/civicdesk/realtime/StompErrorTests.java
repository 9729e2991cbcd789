package org.civicdesk.realtime;

import java.time.Duration;

import org.civicdesk.directory.StaffRole;
import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a client can get it wrong ends with an ERROR frame that says how, and the server closing. */
@CivicDeskTest
class StompErrorTests {

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    Fixtures fixtures;

    @Test
    void aBadTokenIsRefused() {
        assertError(null, "CONNECT\naccept-version:1.2\nhost:civicdesk\nAuthorization:Bearer not-a-token\n\n\0",
                "invalid or expired token");
        assertError(null, "CONNECT\naccept-version:1.2\nhost:civicdesk\nlogin:x\npasscode:forged.jwt.value\n\n\0",
                "invalid or expired token");
    }

    @Test
    void aClientSpeakingNoCommonVersionIsToldWhichTheServerSpeaks() {
        try (StompClient client = StompClient.open(port)) {
            client.send("CONNECT\naccept-version:1.0\nhost:civicdesk\n\n\0");
            StompClient.Frame error = client.next();
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo("unsupported STOMP version");
            assertThat(error.header("version")).isEqualTo("1.1,1.2");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }

    @Test
    void framesBeforeConnectAreRefused() {
        assertError(null, "SUBSCRIBE\nid:0\ndestination:/topic/risk-level\n\n\0", "not connected");
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertError("", "FETCH\ndestination:/topic/risk-level\n\n\0", "unknown command");
    }

    @Test
    void malformedFramesAreRefused() {
        assertError("", "SEND\nthis line has no colon\ndestination:/app/x\n\n\0", "malformed frame");
        assertError("", "SUBSCRIBE\nid:0\ndestination:/topic/risk-level\n\nbody not allowed\0", "malformed frame");
        assertError("", "SEND\ndestination:/app/x\ncontent-length:2\n\nabc\0", "malformed frame");
        assertError(null, "CONNECT\naccept-version:1.2\nheart-beat:soon\n\n\0", "malformed heart-beat");
    }

    @Test
    void anOversizedFrameIsRefusedWhetherWholeOrInPieces() {
        String big = "x".repeat(70 * 1024);
        try (StompClient client = StompClient.connected(port, null)) {
            // stomp.js splits large frames into 16 KB WebSocket messages.
            client.sendInPieces("SEND\ndestination:/app/x\n\n" + big + "\0", 16 * 1024);
            StompClient.Frame error = client.next();
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo("frame too large");
            client.awaitClose(Duration.ofSeconds(5));
        }
        assertError("", "SEND\ndestination:/app/x\n\n" + big + "\0", "frame too large");
        StringBuilder headers = new StringBuilder("SEND\ndestination:/app/x\n");
        for (int i = 0; i < 70; i++) {
            headers.append("h").append(i).append(":v\n");
        }
        assertError("", headers + "\n\0", "too many headers");
    }

    @Test
    void unknownAndForbiddenDestinationsAreRefused() {
        assertError("", "SUBSCRIBE\nid:0\ndestination:/topic/nothing-here\n\n\0", "unknown destination");
        assertError("", "SUBSCRIBE\nid:0\ndestination:/topic/availability.\n\n\0", "unknown destination");
        // A personal queue needs a signed-in client.
        assertError("", "SUBSCRIBE\nid:0\ndestination:/user/queue/notices\n\n\0", "forbidden destination");
        // Clients do not publish to topics.
        String token = fixtures.token(web, "stomp-errors", StaffRole.REGISTRY_STAFF);
        assertError(token, "SEND\ndestination:/topic/risk-level\n\n{}\0", "forbidden destination");
        assertError("", "SEND\ndestination:/app/anything\n\n{}\0", "forbidden destination");
    }

    @Test
    void protocolMisuseIsRefusedAndTheReceiptNamed() {
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("0", "/topic/risk-level");
            client.send("SUBSCRIBE\nid:0\ndestination:/topic/risk-level\nreceipt:again\n\n\0");
            StompClient.Frame error = client.next();
            assertThat(error.header("message")).isEqualTo("subscription id in use");
            assertThat(error.header("receipt-id")).isEqualTo("again");
            client.awaitClose(Duration.ofSeconds(5));
        }
        assertError("", "SUBSCRIBE\nid:0\ndestination:/topic/risk-level\nack:sometimes\n\n\0", "unknown ack mode");
        assertError("", "SUBSCRIBE\ndestination:/topic/risk-level\n\n\0", "SUBSCRIBE needs destination and id");
        assertError("", "SUBSCRIBE\nid:0\ndestination:/topic/risk-level\nlast-seq:yesterday\n\n\0", "malformed last-seq");
        assertError("", "BEGIN\ntransaction:t1\n\n\0", "transactions are not supported");
        assertError("", "ACK\n\n\0", "ACK needs an id");
        assertError("", "CONNECT\naccept-version:1.2\n\n\0", "already connected");
    }

    /**
     * Sends a frame and expects an ERROR with this message, then the server closing.
     *
     * @param connectAs {@code null} to send on a fresh socket, {@code ""} to connect anonymously
     *                  first, or a token to connect with
     */
    private void assertError(String connectAs, String frame, String message) {
        try (StompClient client = connectAs == null ? StompClient.open(port)
                : StompClient.connected(port, connectAs.isEmpty() ? null : connectAs)) {
            client.send(frame);
            StompClient.Frame error = client.next();
            assertThat(error.command()).as("answer to %s", frame.lines().findFirst().orElse("")).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo(message);
            assertThat(error.body()).isNotBlank();
            client.awaitClose(Duration.ofSeconds(5));
        }
    }
}
