package org.civicdesk.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.civicdesk.CivicDeskApplication;
import org.civicdesk.realtime.AnotherInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:run} on a fresh machine: nothing configured, so the service starts
 * its own PostgreSQL and Redis, seeds the bureau's units and demo accounts, and keeps what was
 * written across a restart.
 */
class EmbeddedDefaultTests {

    @TempDir
    Path dataDir;

    @Test
    void startsWithNothingConfiguredAndKeepsItsDataAcrossARestart() throws Exception {
        long unitId;
        String generatedPassword;
        try (ConfigurableApplicationContext app = start()) {
            WebTestClient web = client(app);
            web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                    .jsonPath("$.components.redis.status").isEqualTo("UP");

            // The machine's own PostgreSQL and Redis keep their ports.
            assertThat(app.getEnvironment().getProperty("spring.r2dbc.url")).startsWith("r2dbc:postgresql://127.0.0.1:")
                    .doesNotContain(":5432/");
            assertThat(app.getEnvironment().getProperty("spring.data.redis.url")).doesNotEndWith(":6379");
            assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

            generatedPassword = Files.readString(dataDir.resolve("secrets/demo-password")).strip();
            assertThat(generatedPassword).hasSizeGreaterThanOrEqualTo(12);

            String admin = login(web, "admin", generatedPassword);
            List<Map<String, Object>> units = units(web, admin);
            assertThat(units).extracting(u -> u.get("type")).contains("BUREAU_SECTION", "SECONDARY_UNIT",
                    "FUNERAL_HOME", "MARRIAGE_REGISTRY");
            assertThat(units).filteredOn(u -> "ELDERLY_CARE_HOME".equals(u.get("type"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(units).allSatisfy(u -> assertThat((List<?>) u.get("contacts")).isNotEmpty());

            Map<String, Object> firstHome = units.stream().filter(u -> "ELDERLY_CARE_HOME".equals(u.get("type"))).findFirst().orElseThrow();
            web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "eldercare1", "password", generatedPassword))
                    .exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.roles[0]").isEqualTo("UNIT_MEMBER")
                    .jsonPath("$.unitId").isEqualTo(((Number) firstHome.get("id")).intValue());
            login(web, "registry", generatedPassword);
            login(web, "funeral", generatedPassword);

            // The web client shows the channel simulator because it answers here.
            web.get().uri("/api/v1/simulator").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.twilioNumber").isEqualTo("+10000000000");

            // No Twilio account: the code is recorded as simulated and readable in the simulator.
            web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("phone", "13912345678")).exchange().expectStatus().isAccepted();
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web.get()
                    .uri("/api/v1/simulator/sms?phone=+8613912345678").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].body").value(body -> assertThat((String) body).contains("验证码")));
            web.get().uri("/api/v1/staff/sms").header("Authorization", "Bearer " + admin).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[0].status").isEqualTo("SIMULATED")
                    .jsonPath("$[0].to").isEqualTo("+86139****5678");

            // Demo quotas are open: a citizen books at once (cremation at the funeral home, tomorrow).
            String sms = (String) ((Map<?, ?>) web.get().uri("/api/v1/simulator/sms?phone=+8613912345678").exchange()
                    .expectBody(List.class).returnResult().getResponseBody().get(0)).get("body");
            java.util.regex.Matcher digits = java.util.regex.Pattern.compile("(\\d{6})").matcher(sms);
            assertThat(digits.find()).isTrue();
            String citizen = (String) web.post().uri("/api/v1/citizens/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("phone", "13912345678", "code", digits.group(1))).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("token");
            web.post().uri("/api/v1/bookings").header("Authorization", "Bearer " + citizen).header("Idempotency-Key", "demo-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("service", "CREMATION",
                            "date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString(),
                            "slotStart", "09:00", "applicant", Map.of("name", "王五", "phone", "13912345678"),
                            "deceased", Map.of("name", "王老先生", "specialHandling", false)))
                    .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");

            Map<?, ?> created = web.post().uri("/api/v1/units").header("Authorization", "Bearer " + admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "东胜区第二养老院", "type", "ELDERLY_CARE_HOME",
                            "contacts", List.of(Map.of("name", "院长", "phone", "0477 8581234"))))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            unitId = ((Number) created.get("id")).longValue();

            // The channel simulator plays Twilio and WeChat with the tokens the embedded default made:
            // its signed requests pass the webhooks' checks.
            web.post().uri("/api/v1/simulator/sms").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("from", "13912345678", "text", "帮助")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reply").value(reply -> assertThat((String) reply).contains("预约 结婚"));
            web.post().uri("/api/v1/simulator/voice").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("callSid", "CAsim1", "from", "13912345678")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.say").value(say -> assertThat((String) say).contains("预约结婚登记请按1"))
                    .jsonPath("$.ended").isEqualTo(false);
            web.post().uri("/api/v1/simulator/wechat").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("openId", "o-sim-1", "subscribe", true)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reply").value(reply -> assertThat((String) reply).contains("欢迎关注民政通"));
            web.get().uri("/simulator").exchange().expectStatus().isOk();
        }

        // Restarted, now with CIVICDESK_DEMO_PASSWORD set: the data is still there and the demo
        // accounts take the configured password.
        try (ConfigurableApplicationContext app = start("--civicdesk.demo-password=configured-demo-pass")) {
            WebTestClient web = client(app);
            String admin = login(web, "admin", "configured-demo-pass");
            assertThat(units(web, admin)).anySatisfy(u -> {
                assertThat(((Number) u.get("id")).longValue()).isEqualTo(unitId);
                assertThat(u.get("name")).isEqualTo("东胜区第二养老院");
                assertThat(u.get("contacts").toString()).contains("+864778581234");
            });
            assertThat(units(web, admin).stream().filter(u -> "东胜区婚姻登记处".equals(u.get("name")))).hasSize(1);
            web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "admin", "password", generatedPassword))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--civicdesk.test.harness=off";
        args[1] = "--server.port=0";
        args[2] = "--civicdesk.platform.data-dir=" + dataDir;
        System.arraycopy(extra, 0, args, 3, extra.length);
        // Its own Netty loops: this test closes its application (a restart), and closing one that
        // uses Reactor Netty's global loops disposes them under the test contexts the JVM keeps.
        return new SpringApplicationBuilder(CivicDeskApplication.class, AnotherInstance.OwnEventLoops.class).run(args);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static String login(WebTestClient web, String username, String password) {
        Map<?, ?> body = web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> units(WebTestClient web, String token) {
        return web.get().uri("/api/v1/units").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }
}
