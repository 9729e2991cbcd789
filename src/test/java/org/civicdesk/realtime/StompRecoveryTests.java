package org.civicdesk.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that was away subscribes with the last sequence number it saw and misses nothing. */
@CivicDeskTest
class StompRecoveryTests {

    @LocalServerPort
    int port;

    @Autowired
    Realtime realtime;

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderThenLiveMessages() {
        String destination = "/topic/availability.RECOVER_" + System.nanoTime();
        String lastSeen;
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("0", destination);
            publish(destination, 1);
            publish(destination, 2);
            client.next();
            lastSeen = client.next().header("seq");
        }
        publish(destination, 3);
        publish(destination, 4);
        publish(destination, 5);
        try (StompClient client = StompClient.connected(port, null)) {
            client.send("SUBSCRIBE\nid:again\ndestination:" + destination + "\nlast-seq:" + lastSeen + "\nreceipt:r\n\n\0");
            List<StompClient.Frame> missed = List.of(client.next(), client.next(), client.next());
            // The RECEIPT follows the catching up.
            assertThat(client.next().header("receipt-id")).isEqualTo("r");
            assertThat(missed).extracting(frame -> frame.header("seq")).containsExactly("3", "4", "5");
            assertThat(missed).extracting(StompClient.Frame::body)
                    .containsExactly("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
            assertThat(missed).allSatisfy(frame -> assertThat(frame.header("subscription")).isEqualTo("again"));
            publish(destination, 6);
            assertThat(client.next().header("seq")).isEqualTo("6");
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
        }
        // Nothing missed, nothing sent.
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("up-to-date", destination, "last-seq:6");
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
        }
    }

    private void publish(String destination, int n) {
        realtime.publish(destination, Map.of("n", n), null).block(Duration.ofSeconds(5));
    }
}
