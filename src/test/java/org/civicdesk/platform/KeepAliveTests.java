package org.civicdesk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's keep-alive connection is answered for as long as it stays open. Reactor Netty 1.3.6
 * stopped reading a connection once a request that had arrived while the one before it was still
 * finishing was answered at once (reactor/reactor-netty#4361): the next request on that
 * connection was never read, with nothing logged and no idle timeout, which is how staff panels
 * and pages hung now and then in the browser tests. The server here is Reactor Netty's own, as
 * the service runs it; the version the build uses must pass.
 */
class KeepAliveTests {

    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(request.uri().equals("/slow")
                        ? Mono.delay(Duration.ofMillis(50)).thenReturn("slow") : Mono.just("quick")))
                .bindNow(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(10));
    }

    @Test
    void aRequestSentAfterOthersThatQueuedIsStillAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 5; round++) {
                // The second arrives while the first is still being answered, and is answered at once.
                out.write((get("/slow") + get("/quick")).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(responses(in, 2)).as("round %d: the two queued requests", round).isEqualTo(2);
                // Later, on the same connection, as a browser reuses it.
                out.write(get("/later").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(responses(in, 1)).as("round %d: the request sent afterwards", round).isEqualTo(1);
            }
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: civicdesk\r\n\r\n";
    }

    /** Reads until the expected number of complete responses ("quick", "slow" or "later" bodies) came, or 3 s passed. */
    private static int responses(InputStream in, int expected) throws IOException {
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            while (count(received) < expected) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        }
        catch (SocketTimeoutException ex) {
            // what arrived is counted below
        }
        return count(received);
    }

    private static int count(CharSequence text) {
        String s = text.toString();
        int n = 0;
        for (String body : new String[] { "slow", "quick" }) {
            for (int i = s.indexOf("\r\n\r\n" + body); i >= 0; i = s.indexOf("\r\n\r\n" + body, i + 1)) {
                n++;
            }
        }
        return n;
    }
}
