package org.civicdesk.realtime;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that protect the server and the other clients, on an instance configured with small
 * ones: a client that stops reading is cut off without holding up anyone else, a client that
 * goes silent past the agreed heart-beat is closed, and a socket that never says CONNECT too.
 */
class StompLimitsTests {

    private static AnotherInstance server;

    @BeforeAll
    static void start() {
        server = AnotherInstance.start("limits", "--civicdesk.realtime.max-pending-frames=8",
                "--civicdesk.realtime.heartbeat-receive=500ms", "--civicdesk.realtime.connect-timeout=1s",
                "--civicdesk.realtime.overflow-grace=20s");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndNeverHoldsUpTheOthers() {
        String destination = "/topic/availability.SLOW_" + System.nanoTime();
        String filler = "座".repeat(16 * 1024);
        int messages = 1000;
        try (StompClient fast = StompClient.connected(server.port(), null); StompClient slow = StompClient.connected(server.port(), null)) {
            fast.subscribe("f", destination);
            slow.subscribe("s", destination);
            slow.pause();
            Realtime realtime = server.bean(Realtime.class);
            Counter cutOff = server.bean(MeterRegistry.class).counter("civicdesk.realtime.slow.consumers");
            double before = cutOff.count();
            // The reader gets every message as it comes while the other reads nothing at all,
            // until the server has filled every buffer on the way to it and lets it go.
            int sent = 0;
            while (cutOff.count() == before && sent < messages) {
                sent++;
                realtime.publish(destination, Map.of("n", sent, "filler", filler), null).block(Duration.ofSeconds(5));
                assertThat(fast.next(Duration.ofSeconds(10)).header("seq")).isEqualTo(String.valueOf(sent));
            }
            assertThat(cutOff.count()).as("the silent client was cut off within %d messages", messages).isEqualTo(before + 1);
            realtime.publish(destination, Map.of("n", "after"), null).block(Duration.ofSeconds(5));
            assertThat(fast.next(Duration.ofSeconds(10)).body()).contains("after");

            slow.resume();
            StompClient.Frame error = slow.next(frame -> frame.command().equals("ERROR"), Duration.ofSeconds(20));
            assertThat(error.header("message")).startsWith("slow consumer");
            slow.awaitClose(Duration.ofSeconds(10));
        }
    }

    @Test
    void heartBeatsKeepAConnectionAliveAndSilenceEndsIt() throws Exception {
        try (StompClient client = StompClient.open(server.port())) {
            client.send("CONNECT\naccept-version:1.2\nhost:civicdesk\nheart-beat:500,0\n\n\0");
            assertThat(client.next().header("heart-beat")).isEqualTo("1000,500");
            for (int i = 0; i < 10; i++) {
                Thread.sleep(150);
                client.send("\n");
            }
            client.subscribe("0", "/topic/risk-level");
            // Now silent: twice the agreed 500 ms and the server gives up.
            StompClient.Frame error = client.next(Duration.ofSeconds(5));
            assertThat(error.command()).isEqualTo("ERROR");
            assertThat(error.header("message")).isEqualTo("heart-beat timeout");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSocketThatNeverConnectsIsClosed() {
        try (StompClient client = StompClient.open(server.port())) {
            StompClient.Frame error = client.next(Duration.ofSeconds(5));
            assertThat(error.header("message")).isEqualTo("no CONNECT");
            client.awaitClose(Duration.ofSeconds(5));
        }
    }
}
