package org.civicdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Twilio's REST API on 127.0.0.1: it takes messages the way Twilio does (form
 * posts with Basic auth), lists them back, and can be told to fail, so that tests assert on what
 * CivicDesk really sent through the real SDK.
 */
public final class FakeTwilio {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "fake-twilio-auth-token";
    public static final String FROM = "+15005550006";

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final HttpServer server;
    private final List<Sms> received = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Duration latency = Duration.ZERO;

    /** A message Twilio accepted. */
    public record Sms(String sid, String to, String from, String body, Map<String, String> form, ZonedDateTime created) {
    }

    private record Failure(int httpStatus, int code, String phone) {
    }

    private record Rule(Predicate<Map<String, String>> when, Failure failure) {
    }

    private FakeTwilio() {
        this.server = LoopbackHttpServer.start(this::handle, 8);
    }

    static FakeTwilio start() {
        return new FakeTwilio();
    }

    public String baseUrl() {
        return LoopbackHttpServer.baseUrl(server);
    }

    void stop() {
        server.stop(0);
    }

    /** Everything accepted so far. */
    public synchronized List<Sms> messages() {
        return List.copyOf(received);
    }

    /** What was accepted for one phone, oldest first. */
    public synchronized List<Sms> messagesTo(String phone) {
        return received.stream().filter(m -> m.to().equals(phone)).toList();
    }

    /** The newest message to a phone, if any. */
    public Optional<Sms> lastTo(String phone) {
        List<Sms> all = messagesTo(phone);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The next {@code count} creates to this phone fail with this HTTP status and Twilio error code. */
    /** The SID the next message will get. */
    public String nextSid() {
        return "SM" + String.format("%032x", sequence.get() + 1);
    }

    public synchronized void failNext(String phone, int count, int httpStatus, int code) {
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(httpStatus, code, phone));
        }
    }

    /** Every create to this phone fails with this status and code (an invalid or opted-out number). */
    public synchronized void failAlwaysFor(String phone, int httpStatus, int code) {
        rules.add(new Rule(form -> phone.equals(form.get("To")), new Failure(httpStatus, code, phone)));
    }

    /** Each create takes this long to answer. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    public synchronized void reset() {
        failures.clear();
        rules.clear();
        latency = Duration.ZERO;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher matcher = MESSAGES.matcher(path);
            if (!matcher.matches()) {
                respond(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
                return;
            }
            if (!authorised(exchange) || !ACCOUNT_SID.equals(matcher.group(1))) {
                respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                list(exchange);
                return;
            }
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            Failure failure = nextFailure(form);
            if (failure != null) {
                respond(exchange, failure.httpStatus(), "{\"code\":" + failure.code() + ",\"message\":\"Fake failure "
                        + failure.code() + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + failure.code()
                        + "\",\"status\":" + failure.httpStatus() + "}");
                return;
            }
            Sms sms = new Sms("SM" + String.format("%032x", sequence.incrementAndGet()), form.get("To"),
                    form.getOrDefault("From", form.getOrDefault("MessagingServiceSid", "")), form.get("Body"), form,
                    ZonedDateTime.now(ZoneOffset.UTC));
            synchronized (this) {
                received.add(sms);
            }
            respond(exchange, 201, json(sms));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Failure nextFailure(Map<String, String> form) {
        for (Rule rule : rules) {
            if (rule.when().test(form)) {
                return rule.failure();
            }
        }
        for (java.util.Iterator<Failure> it = failures.iterator(); it.hasNext();) {
            Failure failure = it.next();
            if (failure.phone().equals(form.get("To"))) {
                it.remove();
                return failure;
            }
        }
        return null;
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        String to = query.get("To");
        List<Sms> matching;
        synchronized (this) {
            matching = new ArrayList<>(received.stream().filter(m -> to == null || m.to().equals(to)).toList());
        }
        java.util.Collections.reverse(matching);
        StringBuilder out = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < matching.size(); i++) {
            out.append(i == 0 ? "" : ",").append(json(matching.get(i)));
        }
        String uri = exchange.getRequestURI().toString();
        out.append("],\"first_page_uri\":\"").append(uri).append("\",\"next_page_uri\":null,\"previous_page_uri\":null,")
                .append("\"page\":0,\"page_size\":").append(Math.max(50, matching.size())).append(",\"start\":0,\"end\":")
                .append(Math.max(0, matching.size() - 1)).append(",\"uri\":\"").append(uri).append("\"}");
        respond(exchange, 200, out.toString());
    }

    private static boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private static String json(Sms sms) {
        return "{\"sid\":\"" + sms.sid() + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"to\":\"" + escape(sms.to())
                + "\",\"from\":\"" + escape(sms.from()) + "\",\"body\":\"" + escape(sms.body())
                + "\",\"status\":\"queued\",\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"date_created\":\""
                + RFC_2822.format(sms.created()) + "\",\"date_updated\":\"" + RFC_2822.format(sms.created())
                + "\",\"api_version\":\"2010-04-01\",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sms.sid() + ".json\"}";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
