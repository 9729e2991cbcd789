package org.civicdesk.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.civicdesk.CivicDeskApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        app = new SpringApplicationBuilder(CivicDeskApplication.class).run("--civicdesk.test.harness=off",
                "--server.port=0", "--civicdesk.platform.data-dir=" + dataDir, "--civicdesk.demo-password=" + DEMO_PASSWORD);
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
        assertThat(node.exitValue()).as(output).isZero();
    }
}
