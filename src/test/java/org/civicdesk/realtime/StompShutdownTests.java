package org.civicdesk.realtime;

import java.time.Duration;

import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that stops tells its STOMP clients to reconnect elsewhere and closes their sockets
 * at once, instead of leaving them hanging (and the web server's graceful shutdown waiting).
 */
@CivicDeskTest
class StompShutdownTests {

    @Test
    void aStoppingInstanceTellsItsClientsToReconnectElsewhere() {
        AnotherInstance instance = AnotherInstance.start("draining");
        StompClient client = StompClient.connected(instance.port(), null);
        client.subscribe("s1", "/topic/risk-level");
        long started = System.nanoTime();
        Thread closing = new Thread(instance::close, "close-instance");
        closing.start();
        StompClient.Frame error = client.next(frame -> frame.command().equals("ERROR"), Duration.ofSeconds(10));
        assertThat(error.header("message")).isEqualTo("server shutting down");
        assertThat(error.body()).contains("Reconnect").contains("last-seq");
        client.awaitClose(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        client.close();
    }
}
