package org.civicdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis this test run uses: the machine's when they answer (with a database
 * and a Redis key prefix of this run's own), otherwise embedded ones started here. Never stops a
 * server it did not start.
 */
public final class TestServices {

    private static volatile TestServices instance;

    private final String runId = "t" + Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4);
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String database;
    private final String redisUrl;
    private final Path dataDir;
    private EmbeddedPostgres embeddedPostgres;
    private RedisServer embeddedRedis;
    private final FakeTwilio twilio;
    private final FakeWeChat wechat;

    private TestServices() {
        try {
            dataDir = Files.createTempDirectory("civicdesk-test-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String host = System.getenv().getOrDefault("CIVICDESK_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("CIVICDESK_TEST_PG_PORT", "5432"));
        String user = System.getenv().getOrDefault("CIVICDESK_TEST_PG_USER", "postgres");
        if (reachable(host, port) && canConnect(host, port, user)) {
            pgHost = host;
            pgPort = port;
            pgUser = user;
            database = "civicdesk_" + runId;
            execute("test", "create database " + database);
        }
        else {
            try {
                embeddedPostgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg")).setPort(freePort()).start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            pgHost = "127.0.0.1";
            pgPort = embeddedPostgres.getPort();
            pgUser = "postgres";
            database = "postgres";
        }
        String redisHost = System.getenv().getOrDefault("CIVICDESK_TEST_REDIS_HOST", "127.0.0.1");
        int redisPort = Integer.parseInt(System.getenv().getOrDefault("CIVICDESK_TEST_REDIS_PORT", "6379"));
        if (reachable(redisHost, redisPort)) {
            redisUrl = "redis://" + redisHost + ":" + redisPort;
        }
        else {
            embeddedRedis = EmbeddedRedis.start(freePort());
            redisUrl = "redis://127.0.0.1:" + EmbeddedRedis.port(embeddedRedis);
        }
        twilio = FakeTwilio.start();
        wechat = FakeWeChat.start();

        properties.put("spring.r2dbc.url", "r2dbc:postgresql://" + pgHost + ":" + pgPort + "/" + database);
        properties.put("spring.r2dbc.username", pgUser);
        properties.put("spring.flyway.url", jdbcUrl(database));
        properties.put("spring.flyway.user", pgUser);
        properties.put("spring.data.redis.url", redisUrl);
        // A test run keeps several application contexts alive, and the machine's PostgreSQL may serve
        // other runs too: small pools that give idle connections back.
        properties.put("spring.r2dbc.pool.initial-size", "1");
        properties.put("spring.r2dbc.pool.max-size", "10");
        properties.put("spring.r2dbc.pool.max-idle-time", "10s");
        properties.put("civicdesk.platform.redis-key-prefix", runId + ":");
        properties.put("civicdesk.platform.data-dir", dataDir.toString());
        properties.put("civicdesk.identity.token-secret", Base64.getEncoder().encodeToString(("test-secret-" + runId + "-0123456789abcdef").getBytes()));
        properties.put("civicdesk.twilio.api-base-url", twilio.baseUrl());
        properties.put("civicdesk.twilio.account-sid", FakeTwilio.ACCOUNT_SID);
        properties.put("civicdesk.twilio.auth-token", FakeTwilio.AUTH_TOKEN);
        properties.put("civicdesk.twilio.from-number", FakeTwilio.FROM);
        properties.put("civicdesk.wechat.token", FakeWeChat.TOKEN);
        properties.put("civicdesk.wechat.app-id", FakeWeChat.APP_ID);
        properties.put("civicdesk.wechat.app-secret", FakeWeChat.APP_SECRET);
        properties.put("civicdesk.wechat.encoding-aes-key", FakeWeChat.ENCODING_AES_KEY);
        properties.put("civicdesk.wechat.api-base-url", wechat.baseUrl());
        properties.put("civicdesk.channel.duty-officer-number", "+8647712345678");
        properties.put("civicdesk.sms.messages-per-second", "200");
        // Every test request comes from 127.0.0.1; the per-address limit has a test of its own.
        properties.put("civicdesk.identity.codes-per-ip", "1000000");
        properties.put("civicdesk.identity.login-slowdown", "20ms");
        properties.put("civicdesk.directory.bootstrap-admin-password", "bootstrap-admin-secret");
        properties.put("civicdesk.sms.retry-backoff", "200ms");
        properties.put("civicdesk.sms.poll-interval", "200ms");
    }

    public static TestServices get() {
        if (instance == null) {
            synchronized (TestServices.class) {
                if (instance == null) {
                    instance = new TestServices();
                }
            }
        }
        return instance;
    }

    static boolean started() {
        return instance != null;
    }

    /** The properties a test application context connects with. */
    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public String runId() {
        return runId;
    }

    public FakeTwilio twilio() {
        return twilio;
    }

    public FakeWeChat wechat() {
        return wechat;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String r2dbcUrl() {
        return (String) properties.get("spring.r2dbc.url");
    }

    /** JDBC access to this run's database, for tests that look beneath the API. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), pgUser, "");
    }

    /** The one value a query beneath the API answers (its first row's first column). */
    public <T> T queryOne(Class<T> type, String sql, Object... parameters) {
        try (Connection db = jdbc(); java.sql.PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for: " + sql);
                }
                return rows.getObject(1, type);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void close() {
        twilio.stop();
        wechat.stop();
        if (embeddedRedis != null) {
            EmbeddedRedis.stop(embeddedRedis);
        }
        if (embeddedPostgres != null) {
            try {
                embeddedPostgres.close();
            }
            catch (IOException ignored) {
                // the JVM is ending
            }
        }
        else if (!"true".equals(System.getenv("CIVICDESK_TEST_KEEP_DB"))) {
            try {
                execute("test", "drop database if exists " + database + " with (force)");
            }
            catch (RuntimeException ignored) {
                // a database left behind is dropped by the next clean-up; not worth failing a run
            }
        }
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db;
    }

    private void execute(String db, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(db), pgUser, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean canConnect(String host, int port, String user) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/test", user, "")) {
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
