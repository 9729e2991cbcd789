package org.civicdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import redis.embedded.RedisServer;

/**
 * A Redis server a test starts and stops itself, on its own port: the only kind of server a
 * test may stop (the machine's Redis is never touched).
 */
public final class EmbeddedRedis {

    private static final Map<RedisServer, Integer> ports = new ConcurrentHashMap<>();

    private EmbeddedRedis() {
    }

    public static RedisServer start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no")
                    .onShutdownForceStop(true)
                    // Read its output while it runs: an unread pipe that fills up stops Redis.
                    .soutListener(line -> { })
                    .serrListener(System.err::println)
                    .build();
            server.start();
            ports.put(server, port);
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static int port(RedisServer server) {
        return ports.get(server);
    }

    public static void stop(RedisServer server) {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
