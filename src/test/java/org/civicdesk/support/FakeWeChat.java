package org.civicdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for WeChat's server API on 127.0.0.1: it hands out access tokens and records the
 * customer-service messages CivicDesk sends, so tests assert on what a follower would receive.
 */
public final class FakeWeChat {

    public static final String APP_ID = "wxtestc1v1cdesk";
    public static final String APP_SECRET = "test-wechat-secret";
    public static final String TOKEN = "test-wechat-token";
    /** 43 characters: the Base64 of 32 bytes without its padding. */
    public static final String ENCODING_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private final HttpServer server;
    private final List<String> messages = new ArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private FakeWeChat() {
        this.server = LoopbackHttpServer.start(this::handle, 4);
    }

    static FakeWeChat start() {
        return new FakeWeChat();
    }

    public String baseUrl() {
        return LoopbackHttpServer.baseUrl(server);
    }

    void stop() {
        server.stop(0);
    }

    /** The JSON bodies of every customer-service message received, oldest first. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    public int tokensIssued() {
        return tokens.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            if (path.equals("/cgi-bin/token")) {
                boolean ok = query.contains("appid=" + APP_ID) && query.contains("secret=" + APP_SECRET);
                respond(exchange, ok ? "{\"access_token\":\"fake-access-token-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}"
                        : "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
            }
            else if (path.equals("/cgi-bin/message/custom/send") && query.contains("access_token=fake-access-token-")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    messages.add(body);
                }
                respond(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            else {
                respond(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
