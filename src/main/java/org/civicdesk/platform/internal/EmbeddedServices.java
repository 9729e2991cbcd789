package org.civicdesk.platform.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis that the embedded default runs in-process, so that a newcomer needs
 * nothing but the JDK. Closed once, when the application context is destroyed (after the
 * connection pools), or when start-up fails.
 */
final class EmbeddedServices implements Closeable {

    private static final Log log = LogFactory.getLog(EmbeddedServices.class);

    private final List<Closeable> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable EmbeddedPostgres postgres;
    private @Nullable RedisServer redis;
    private int redisPort;

    EmbeddedPostgres startPostgres(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // Stopped by the application, after its pools have closed: a JVM shutdown hook of
                    // its own stopped it while a stopping instance was still handing its notice and
                    // SMS work back to PostgreSQL.
                    .setRegisterShutdownHook(false)
                    .start();
            this.postgres = pg;
            started.add(pg);
            return pg;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
        }
    }

    int startRedis() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("protected-mode no")
                    .onShutdownForceStop(true)
                    // Its output is read for as long as it runs: a pipe nobody reads fills up, and
                    // Redis then stops in its next write to the log, with every client waiting.
                    .soutListener(line -> log.debug("redis: " + line))
                    .serrListener(line -> log.warn("redis: " + line))
                    .build();
            server.start();
            this.redis = server;
            this.redisPort = port;
            started.add(() -> {
                try {
                    server.stop();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            return port;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded Redis", ex);
        }
    }

    @Nullable EmbeddedPostgres postgres() {
        return postgres;
    }

    int redisPort() {
        return redisPort;
    }

    boolean any() {
        return postgres != null || redis != null;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            }
            catch (IOException | RuntimeException ex) {
                log.warn("Stopping an embedded service failed: " + ex.getMessage());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
