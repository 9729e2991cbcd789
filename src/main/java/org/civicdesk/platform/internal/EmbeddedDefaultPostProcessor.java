package org.civicdesk.platform.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses between the embedded default and external mode before anything connects.
 * <p>
 * With no {@code spring.r2dbc.url} it starts an embedded PostgreSQL that keeps its data under
 * the data directory; with no Redis URL or host it starts an embedded Redis. Both listen on free
 * loopback ports, so a PostgreSQL or Redis already running on the machine keeps its own. In
 * external mode it only derives the JDBC URL Flyway needs from the R2DBC one.
 */
public class EmbeddedDefaultPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Runs after the configuration files are read, and after anything that supplies URLs. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final String SOURCE = "civicdeskEmbeddedDefault";

    private final Log log;

    public EmbeddedDefaultPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDefaultPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        Path dataDir = Path.of(env.getProperty("civicdesk.platform.data-dir", "./data")).toAbsolutePath().normalize();
        EmbeddedServices services = new EmbeddedServices();

        if (env.getProperty("spring.r2dbc.url") == null) {
            long started = System.nanoTime();
            EmbeddedPostgres pg = services.startPostgres(dataDir.resolve("postgres"));
            log.info("Embedded PostgreSQL on 127.0.0.1:" + pg.getPort() + " with its data in " + dataDir.resolve("postgres")
                    + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            props.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres");
            props.put("spring.r2dbc.username", "postgres");
            props.put("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres");
            props.put("spring.flyway.user", "postgres");
            props.put("civicdesk.platform.mode", "embedded");
            new Secrets(dataDir).embeddedDefaults(env).forEach(props::putIfAbsent);
        }
        else if (env.getProperty("spring.flyway.url") == null) {
            props.putAll(R2dbcUrls.flywayProperties(env.getRequiredProperty("spring.r2dbc.url"),
                    env.getProperty("spring.r2dbc.username"), env.getProperty("spring.r2dbc.password")));
        }

        if (!redisConfigured(env)) {
            int port = services.startRedis();
            log.info("Embedded Redis on 127.0.0.1:" + port);
            props.put("spring.data.redis.url", "redis://127.0.0.1:" + port);
        }

        if (services.any()) {
            application.addInitializers(context -> {
                if (context instanceof GenericApplicationContext generic) {
                    // Registered first, destroyed last: after the connection pools have closed.
                    generic.getDefaultListableBeanFactory().registerDisposableBean("civicdeskEmbeddedServices", services::close);
                }
            });
            application.addListeners((ApplicationFailedEvent failed) -> services.close());
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE, props));
    }

    private static boolean redisConfigured(ConfigurableEnvironment env) {
        return env.getProperty("spring.data.redis.url") != null
                || env.getProperty("spring.data.redis.host") != null
                || env.getProperty("spring.data.redis.cluster.nodes") != null
                || env.getProperty("spring.data.redis.sentinel.master") != null;
    }
}
