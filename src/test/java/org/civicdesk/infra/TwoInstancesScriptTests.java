package org.civicdesk.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/local/two-instances.sh} starts two instances from the built jar against the machine's
 * PostgreSQL and Redis (a database, ports and Redis prefix of this test's own), and they behave as
 * one service: a booking made on one is seen on the other, and a slot's capacity holds when
 * citizens rush it through both. {@code infra/local/nginx.sh} puts nginx in front of them with the
 * load balancer's own configuration ({@code infra/nginx/civicdesk.conf}): requests reach both, and
 * STOMP over WebSocket passes through it. Runs under maven-failsafe after {@code package} (it needs
 * the jar).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class TwoInstancesScriptTests {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final String DB = "civicdesk_it_two_" + RUN;
    private static final String ADMIN_PASSWORD = "it-two-instances-" + RUN;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Map<String, String> ENV = new HashMap<>();
    private static int portA;
    private static int portB;
    private static int nginxPort;

    @BeforeAll
    static void startBoth() throws Exception {
        portA = freePort();
        portB = freePort();
        Path state = ROOT.resolve("target/it-two-instances-" + RUN);
        ENV.put("CIVICDESK_LOCAL_DB", DB);
        ENV.put("CIVICDESK_LOCAL_PORTS", portA + " " + portB);
        ENV.put("CIVICDESK_LOCAL_STATE", state.toString());
        ENV.put("CIVICDESK_LOCAL_REDIS_PREFIX", "it-two-" + RUN + ":");
        ENV.put("CIVICDESK_LOCAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ENV.put("CIVICDESK_LOCAL_JAR", System.getProperty("civicdesk.jar", jar().toString()));
        // Quick to start on a small, shared machine; a small pool each (PostgreSQL serves everyone).
        ENV.put("CIVICDESK_LOCAL_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        ENV.put("CIVICDESK_LOCAL_ARGS", "--spring.r2dbc.pool.max-size=4 --spring.r2dbc.pool.initial-size=1");
        // JSON logs, as the deployments in infra/ write them.
        ENV.put("CIVICDESK_LOG_FORMAT", "ecs");
        sql("postgres", "create database " + DB);
        script("start");
        nginxPort = freePort();
        ENV.put("CIVICDESK_LOCAL_NGINX_PORT", Integer.toString(nginxPort));
        script("nginx.sh", "start");
    }

    @AfterAll
    static void stopBoth() throws Exception {
        try {
            if (ENV.containsKey("CIVICDESK_LOCAL_NGINX_PORT")) {
                script("nginx.sh", "stop");
            }
            if (!ENV.isEmpty()) {
                script("stop");
            }
        }
        finally {
            sql("postgres", "drop database if exists " + DB + " with (force)");
            dropRedisKeys(ENV.get("CIVICDESK_LOCAL_REDIS_PREFIX"));
        }
    }

    private static void dropRedisKeys(String prefix) {
        RedisClient client = RedisClient.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void aBookingOnOneIsSeenOnTheOtherAndTheQuotaHoldsAcrossBoth() throws Exception {
        String admin = login(portA);
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
        String slot = """
                {"slots": [{"start": "09:00", "end": "09:30", "capacity": 3, "reserved": 0}]}""";
        assertThat(send(portA, "PUT", "/api/v1/staff/quotas/MARRIAGE_REGISTRATION/" + day, slot, admin).statusCode())
                .isEqualTo(200);

        HttpResponse<String> first = book(portA, 0, day);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String code = field(first.body(), "code");
        HttpResponse<String> seen = send(portB, "GET", "/api/v1/bookings/" + code, null, citizen(0));
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(field(seen.body(), "status")).isEqualTo("CONFIRMED");

        // Twelve more citizens rush the two seats left, half through each instance.
        List<CompletableFuture<HttpResponse<String>>> rush = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            int citizen = i;
            rush.add(CompletableFuture.supplyAsync(() -> book(citizen % 2 == 0 ? portA : portB, citizen, day)));
        }
        List<Integer> statuses = rush.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(10);

        assertThat(count("select count(*) from bookings where day = '" + day + "' and status = 'CONFIRMED'")).isEqualTo(3);
        assertThat(count("select booked from quota_slots where day = '" + day + "' and start_time = '09:00'")).isEqualTo(3);
        HttpResponse<String> full = book(portB, 13, day);
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("slot-full");
    }

    @Test
    void nginxInFrontSpreadsRequestsOverBothAndPassesStompThrough() throws Exception {
        // Requests through nginx reach both instances (each counts what it answered).
        double before = answered(portA) + answered(portB);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> risk = send(nginxPort, "GET", "/api/v1/risk-level", null, null);
            assertThat(risk.statusCode()).as(risk.body()).isEqualTo(200);
        }
        assertThat(answered(portA)).as("requests instance A answered").isPositive();
        assertThat(answered(portB)).as("requests instance B answered").isPositive();
        assertThat(answered(portA) + answered(portB) - before).isGreaterThanOrEqualTo(10);

        // A STOMP subscriber connected through nginx (the WebSocket upgrade passes) gets a notice
        // issued on either instance directly.
        String admin = login(nginxPort);
        String unit = send(portA, "POST", "/api/v1/units",
                "{\"name\": \"nginx 测试科室\", \"type\": \"BUREAU_SECTION\", \"contacts\": []}", admin).body();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().subprotocols("v12.stomp")
                .buildAsync(URI.create("ws://127.0.0.1:" + nginxPort + "/ws/stomp"), new Frames(frames))
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("v12.stomp");
            socket.sendText("CONNECT\naccept-version:1.2\nhost:civicdesk\nheart-beat:0,0\npasscode:" + admin + "\n\n\0", true)
                    .get(5, TimeUnit.SECONDS);
            assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("CONNECTED");
            socket.sendText("SUBSCRIBE\nid:0\ndestination:/topic/notices\nreceipt:subscribed\n\n\0", true)
                    .get(5, TimeUnit.SECONDS);
            assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("RECEIPT").contains("receipt-id:subscribed");
            for (int port : new int[] { portA, portB }) {
                String title = "经 nginx 收到 " + port;
                HttpResponse<String> notice = send(port, "POST", "/api/v1/staff/notices", """
                        {"title": "%s", "body": "通过负载均衡器的订阅者应收到。", "severity": "INFO",
                         "audience": {"unitIds": [%s]}}""".formatted(title, numberField(unit, "id")), admin);
                assertThat(notice.statusCode()).as(notice.body()).isEqualTo(201);
                String message = frames.poll(15, TimeUnit.SECONDS);
                assertThat(message).as("the notice issued on port " + port).startsWith("MESSAGE").contains(title);
            }
        }
        finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void logsAreJsonLinesNamingTheRequestAndTheInstanceWithoutCitizensPersonalData() throws Exception {
        String requestId = "it-json-" + RUN;
        URI login = URI.create("http://127.0.0.1:" + portA + "/api/v1/auth/login");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(login)
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"it-json-nobody\", \"password\": \"wrong\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        // A citizen books: names, resident ID numbers and a phone go in, none may come out in a log.
        String admin = login(portA);
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(4);
        assertThat(send(portA, "PUT", "/api/v1/staff/quotas/MARRIAGE_REGISTRATION/" + day,
                "{\"slots\": [{\"start\": \"09:00\", \"end\": \"09:30\", \"capacity\": 2, \"reserved\": 0}]}", admin)
                .statusCode()).isEqualTo(200);
        int citizen = 77;
        HttpResponse<String> booked = book(portB, citizen, day);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(citizen);

        JsonMapper json = JsonMapper.builder().build();
        Path state = Path.of(ENV.get("CIVICDESK_LOCAL_STATE"));
        List<JsonNode> lines = new ArrayList<>();
        for (int instance = 1; instance <= 2; instance++) {
            String log = Files.readString(state.resolve("instance-" + instance + ".log"));
            assertThat(log).as("instance %d's log", instance)
                    .doesNotContain(residentId(birth, 11), residentId(birth, 12), "13700%06d".formatted(citizen), "张" + citizen);
            for (String line : log.split("\n")) {
                if (line.isBlank() || line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                    continue;
                }
                JsonNode entry = json.readTree(line);
                assertThat(entry.path("@timestamp").isString()).as("a JSON log line: " + line).isTrue();
                assertThat(entry.path("service").path("node").path("name").asString()).isEqualTo("local-" + instance);
                lines.add(entry);
            }
        }
        assertThat(lines).filteredOn(entry -> requestId.equals(entry.path("requestId").asString()))
                .as("lines written while answering request " + requestId)
                .anySatisfy(entry -> assertThat(entry.path("message").asString()).contains("it-json-nobody"));
    }

    /** Requests to the public risk level an instance answered, from its own metrics. */
    private static double answered(int port) throws Exception {
        String metrics = send(port, "GET", "/actuator/prometheus", null, null).body();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/risk-level\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static String numberField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    /** Whole STOMP frames (text messages may come in parts), one per queue entry. */
    private record Frames(BlockingQueue<String> frames, StringBuilder partial) implements WebSocket.Listener {

        Frames(BlockingQueue<String> frames) {
            this(frames, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private static HttpResponse<String> book(int port, int citizen, LocalDate day) {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(citizen);
        String body = """
                {"service": "MARRIAGE_REGISTRATION", "date": "%s", "slotStart": "09:00",
                 "parties": [{"name": "张%d", "idNumber": "%s"}, {"name": "李%d", "idNumber": "%s"}],
                 "companions": 0, "declaration": {"recentTravel": []}}""".formatted(day, citizen, residentId(birth, 11),
                citizen, residentId(birth, 12));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bookings"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + citizen(citizen))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String login(int port) throws Exception {
        HttpResponse<String> response = send(port, "POST", "/api/v1/auth/login",
                "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return field(response.body(), "token");
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A citizen's token as phone verification would issue it, signed with the instances' secret. */
    private static String citizen(int n) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(Path.of(ENV.get("CIVICDESK_LOCAL_STATE"), "token-secret")).strip());
            long now = System.currentTimeMillis() / 1000;
            String header = b64("{\"alg\":\"HS256\"}");
            String claims = b64(("{\"iss\":\"civicdesk\",\"jti\":\"%s\",\"sub\":\"+8613700%06d\",\"iat\":%d,\"exp\":%d,"
                    + "\"kind\":\"citizen\",\"roles\":[\"CITIZEN\"]}").formatted(UUID.randomUUID(), n, now, now + 3600));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signing = header + "." + claims;
            return signing + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signing.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid GB 11643 number: region 110105, the birth date, a sequence (odd: a man) and its check. */
    private static String residentId(LocalDate birth, int sequence) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String first = "110105" + birth.toString().replace("-", "") + "%03d".formatted(sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first.charAt(i) - '0') * weights[i];
        }
        return first + "10X98765432".charAt(sum % 11);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static void script(String command) throws Exception {
        script("two-instances.sh", command);
    }

    private static void script(String name, String command) throws Exception {
        Path log = ROOT.resolve("target/it-two-instances-" + RUN + "-" + name + "-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("infra/local/" + name).toString(), command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(ENV);
        Files.createDirectories(ROOT.resolve("target"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " " + command + " did not finish within 120 s");
        }
        assertThat(process.exitValue()).as(name + " " + command + ": " + Files.readString(log)).isZero();
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(ROOT.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("civicdesk-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in target/: run ./mvnw verify (package comes first)"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sql(String database, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc(database), "postgres", null)) {
            c.createStatement().execute(statement);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc(DB), "postgres", null);
                ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String jdbc(String database) {
        return "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("PGPORT", "5432") + "/" + database;
    }
}
