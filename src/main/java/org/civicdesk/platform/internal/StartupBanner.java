package org.civicdesk.platform.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where it is and, in the embedded default, how to sign in. */
@Component
class StartupBanner {

    private static final Log log = LogFactory.getLog(StartupBanner.class);

    private final Platform platform;
    private final Environment env;

    StartupBanner(Platform platform, Environment env) {
        this.platform = platform;
        this.env = env;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : -1;
        StringBuilder banner = new StringBuilder("\n")
                .append("  CivicDesk 民政通 is ready at http://localhost:").append(port).append("/\n")
                .append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        if (platform.embedded()) {
            banner.append("  Embedded default: data in ").append(platform.settings().dataDir().toAbsolutePath().normalize()).append('\n')
                    .append("  Demo accounts: admin, registry, funeral, eldercare1 (and one per unit)\n")
                    .append("  Demo password: ").append(env.getProperty("civicdesk.directory.demo-password")).append('\n');
        }
        log.info(banner);
    }
}
