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

    @Test
    void aStoredMessageDeliveredAgainReachesNoSubscriberTwiceWhileOnesOutOfOrderAllArrive() {
        String destination = "/topic/availability.AGAIN_" + System.nanoTime();
        try (StompClient client = StompClient.connected(port, null)) {
            client.subscribe("0", destination);
            StoredMessage first = realtime.store(destination, Map.of("n", 1), null).block(Duration.ofSeconds(5));
            StoredMessage second = realtime.store(destination, Map.of("n", 2), null).block(Duration.ofSeconds(5));
            // Two publishers finishing in the other order: both arrive.
            realtime.deliver(second).block(Duration.ofSeconds(5));
            realtime.deliver(first).block(Duration.ofSeconds(5));
            assertThat(List.of(client.next(), client.next())).extracting(frame -> frame.header("seq"))
                    .containsExactly(Long.toString(second.seq()), Long.toString(first.seq()));
            // An outbox that cannot tell whether they went out sends them again: nobody gets them twice.
            assertThat(realtime.deliverAgain(destination, first.seq(), null).block(Duration.ofSeconds(5))).isTrue();
            assertThat(realtime.deliverAgain(destination, second.seq(), null).block(Duration.ofSeconds(5))).isTrue();
            assertThat(client.poll(Duration.ofMillis(500))).isNull();
            assertThat(realtime.deliverAgain(destination, second.seq() + 1, null).block(Duration.ofSeconds(5))).isFalse();
        }
        // A client that missed them gets each once, with its number, from the history.
        try (StompClient client = StompClient.connected(port, null)) {
            client.send("SUBSCRIBE\nid:late\ndestination:" + destination + "\nlast-seq:0\nreceipt:r\n\n\0");
            assertThat(List.of(client.next(), client.next())).extracting(StompClient.Frame::body)
                    .containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(client.next().header("receipt-id")).isEqualTo("r");
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
        }
    }

    private void publish(String destination, int n) {
        realtime.publish(destination, Map.of("n", n), null).block(Duration.ofSeconds(5));
    }
}
