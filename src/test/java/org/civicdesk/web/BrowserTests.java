package org.civicdesk.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.r2dbc.pool.ConnectionPool;
import org.civicdesk.CivicDeskApplication;
import org.civicdesk.realtime.AnotherInstance;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in real headless Chromium (Debian's, driven by playwright-core) against the app
 * in its embedded default, started here as a newcomer would start it. Each scenario in
 * {@code web-client/e2e/scenarios} is one thing a citizen, staff member or unit does; screenshots
 * land in {@code target/e2e}.
 */
class BrowserTests {

    static final String DEMO_PASSWORD = "browser-demo-pass";

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;

    @BeforeAll
    static void startTheEmbeddedDefault() {
        assertThat(new File("/usr/bin/chromium")).as("Chromium is needed for the browser tests: apt-get install chromium")
                .exists();
        assertThat(new File("web-client/node_modules/playwright-core")).as("web-client dependencies (./mvnw builds them)")
                .exists();
        assertThat(new File("target/classes/static/index.html")).as("the built web client (./mvnw builds it)").exists();
        // Its own Netty loops, so that closing it leaves Reactor Netty's global ones to the test
        // contexts the JVM keeps.
        app = new SpringApplicationBuilder(CivicDeskApplication.class, AnotherInstance.OwnEventLoops.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new NextWeekdayMorning()))
                .run("--civicdesk.test.harness=off", "--server.port=0", "--civicdesk.platform.data-dir=" + dataDir,
                        "--civicdesk.demo-password=" + DEMO_PASSWORD);
    }

    /**
     * The scenarios' clock: real time moved forward to the next weekday morning (09:00) in the
     * bureau's zone, so that a citizen books marriage registration for "today" and staff check
     * them in on the day whenever the build runs. Forward only, so tokens the service signs stay
     * valid against the real clock their decoder uses. Every {@link Clock} bean is moved as it is
     * made (the harness's movable clock is one too when its configuration is on the class path).
     * Registered by hand, not as a configuration class, so that no other application a test
     * starts in this JVM finds it by scanning.
     */
    static final class NextWeekdayMorning implements BeanPostProcessor {

        static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

        private final Duration offset = offset(ZonedDateTime.now(ZONE));

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof MutableClock movable) {
                movable.advance(offset);
                return movable;
            }
            return bean instanceof Clock clock ? Clock.offset(clock, offset) : bean;
        }

        /** How far ahead the next weekday 09:00 is (at or after now). */
        static Duration offset(ZonedDateTime now) {
            ZonedDateTime target = now.toLocalDate().atTime(9, 0).atZone(ZONE);
            while (target.isBefore(now) || target.getDayOfWeek() == DayOfWeek.SATURDAY
                    || target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = target.plusDays(1);
            }
            return Duration.between(now, target);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyScenarioPassesInChromium() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Path log = Files.createTempFile("e2e", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "e2e/run.mjs", "--base-url", "http://127.0.0.1:" + port))
                .directory(new File("web-client"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CIVICDESK_DEMO_PASSWORD", DEMO_PASSWORD);
        Process node = builder.start();
        boolean finished = node.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the browser scenarios finish within 10 minutes").isTrue();
        assertThat(node.exitValue()).as(() -> output + (node.exitValue() == 0 ? "" : serverState())).isZero();
    }

    /**
     * What the server was doing when a scenario failed: its database pool and its event-loop and
     * scheduler threads (where a request that is never answered would be stuck).
     */
    static String serverState() {
        StringBuilder state = new StringBuilder("\nserver state at the failure:\n");
        app.getBeanProvider(ConnectionPool.class).ifAvailable(pool -> pool.getMetrics().ifPresent(m -> state
                .append("  database pool: acquired ").append(m.acquiredSize()).append(", idle ").append(m.idleSize())
                .append(", waiting ").append(m.pendingAcquireSize()).append(", max ").append(m.getMaxAllocatedSize())
                .append('\n')));
        try {
            app.getBean(DatabaseClient.class)
                    .sql("select pid, state, wait_event_type, wait_event, now() - xact_start as in_transaction,"
                            + " left(query, 200) as query from pg_stat_activity"
                            + " where datname = current_database() and pid <> pg_backend_pid()")
                    .fetch().all()
                    .doOnNext(row -> state.append("  session ").append(row).append('\n'))
                    .then().block(Duration.ofSeconds(5));
        }
        catch (RuntimeException ex) {
            state.append("  sessions not readable: ").append(ex).append('\n');
        }
        Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("reactor-") || e.getKey().getName().startsWith("parallel-")
                        || e.getKey().getName().startsWith("lettuce-"))
                .sorted(Comparator.comparing(e -> e.getKey().getName()))
                .forEach(e -> {
                    state.append("  ").append(e.getKey().getName()).append(' ').append(e.getKey().getState()).append('\n');
                    Arrays.stream(e.getValue()).limit(6).forEach(frame -> state.append("      at ").append(frame).append('\n'));
                });
        return state.toString();
    }
}
