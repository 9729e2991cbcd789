package org.civicdesk.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.civicdesk.CivicDeskApplication;
import org.civicdesk.booking.CitizenTokens;
import org.civicdesk.booking.Scenario;
import org.civicdesk.platform.Platform;
import org.civicdesk.realtime.AnotherInstance;
import org.civicdesk.support.EmbeddedRedis;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No overbooking, whatever the load and however many instances run: two instances of the
 * service share one PostgreSQL and one Redis (a Redis this test starts, so that it may stop it),
 * and hundreds of simultaneous attempts on 20 seats give exactly 20 bookings; the same when
 * Redis dies during the rush; retries with the same idempotency key never book twice; a crowd on
 * a full slot is answered from each instance's memory, without losing a retry or a seat given
 * back; and the reminders both instances sweep for go out once each.
 */
class SeatGateConcurrencyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int SEATS = 20;
    private static final int ATTEMPTS = 520;
    private static final LocalTime NINE = LocalTime.of(9, 0);

    static int redisPort;
    static RedisServer redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static List<WebClient> clients;
    static ConnectionProvider connections;
    static LocalDate before;

    @BeforeAll
    static void startTwoInstances() {
        redisPort = TestServices.freePort();
        redis = EmbeddedRedis.start(redisPort);
        first = start();
        // A day with seven seats taken, written beneath the service: the second instance's start-up
        // rebuilds its counters from PostgreSQL.
        before = Scenario.freshDay(Clock.system(SHANGHAI));
        execute("insert into quota_days (service, day, open, booked) values ('MARRIAGE_REGISTRATION', ?, true, 7)", before);
        execute("""
                insert into quota_slots (service, day, start_time, end_time, capacity, effective, reserved, booked)
                values ('MARRIAGE_REGISTRATION', ?, '09:00', '09:30', 10, 10, 0, 7)""", before);
        second = start();
        connections = ConnectionProvider.builder("rush").maxConnections(1200).pendingAcquireMaxCount(5000).build();
        clients = List.of(client(first), client(second));
        Quotas quotas = first.getBean(Quotas.class);
        quotas.updateRules(ServiceCode.MARRIAGE_REGISTRATION, Duration.ZERO, 365, LocalTime.MIDNIGHT, 0, LocalTime.of(18, 0))
                .block(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopEverything() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (connections != null) {
            connections.dispose();
        }
        if (redis != null && redis.isActive()) {
            EmbeddedRedis.stop(redis);
        }
    }

    @Test
    void countersAreRebuiltFromPostgreSqlAtStartUp() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "7".equals(redisCount(before, "s:0900:b")));
        assertThat(redisCount(before, "b")).isEqualTo("7");
        assertThat(redisCount(before, "s:0900:c")).isEqualTo("10");
    }

    @Test
    void fiveHundredTwentySimultaneousAttemptsOnTwentySeatsAcrossTwoInstancesBookExactlyTwenty() throws Exception {
        LocalDate day = openDay();
        // Staff opening the day built its counters in Redis.
        assertThat(redisCount(day, "s:0900:c")).isEqualTo(Integer.toString(SEATS));
        Map<Integer, List<Answer>> byStatus = rush(day, ATTEMPTS, i -> UUID.randomUUID().toString());

        String outcomes = byStatus.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stream().collect(Collectors.groupingBy(Answer::type, Collectors.counting())))
                .collect(Collectors.joining(", "));
        assertThat(byStatus.get(201)).as(outcomes).hasSize(SEATS);
        assertThat(byStatus.get(409)).hasSize(ATTEMPTS - SEATS)
                .allSatisfy(answer -> assertThat(answer.type()).endsWith("/slot-full"));
        assertThat(byStatus.get(201)).extracting(Answer::code).doesNotHaveDuplicates();
        assertCounters(day, SEATS);

        // A full slot is answered without PostgreSQL: with every table the gate writes locked, the
        // next attempts are still refused at once.
        try (Connection db = TestServices.get().jdbc()) {
            db.setAutoCommit(false);
            try (java.sql.Statement lock = db.createStatement()) {
                lock.execute("lock table quota_slots, quota_days, quota_seats, quota_seat_persons, bookings, booking_parties, "
                        + "sms_messages in access exclusive mode");
                List<Request> more = requests(day, 200);
                List<Answer> refused = Flux.range(0, 200).flatMap(i -> send(clients.get(i % 2), more.get(i), UUID.randomUUID().toString()))
                        .collectList().block(Duration.ofSeconds(10));
                assertThat(refused).hasSize(200).allSatisfy(answer -> assertThat(answer.type()).endsWith("/slot-full"));
            }
            finally {
                db.rollback();
            }
        }
    }

    @Test
    void retriesWithTheSameKeyUnderConcurrencyNeverBookTwice() {
        LocalDate day = openDay();
        int keys = 100;
        List<String> idempotencyKeys = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            idempotencyKeys.add(UUID.randomUUID().toString());
        }
        // Each request is sent three times at once, to both instances, under the same key.
        List<Request> requests = requests(day, keys);
        List<Answer> answers = Flux.range(0, keys * 3)
                .flatMap(n -> send(clients.get(n % 2), requests.get(n / 3), idempotencyKeys.get(n / 3)), keys * 3)
                .collectList().block(Duration.ofSeconds(60));

        Map<String, List<Answer>> byKey = answers.stream().collect(Collectors.groupingBy(Answer::key));
        List<String> winners = byKey.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(a -> a.status() == 201))
                .map(Map.Entry::getKey).toList();
        assertThat(winners).hasSize(SEATS);
        for (String key : winners) {
            List<Answer> three = byKey.get(key);
            assertThat(three).extracting(Answer::status).containsExactlyInAnyOrder(201, 200, 200);
            assertThat(three).extracting(Answer::code).containsOnly(three.get(0).code());
        }
        assertThat(answers).filteredOn(a -> !winners.contains(a.key()))
                .allSatisfy(a -> assertThat(a.type()).endsWith("/slot-full"));
        assertCounters(day, SEATS);
    }

    @Test
    void aCrowdOnAFullSlotIsAnsweredFromMemoryYetARetryGetsItsBookingAndAGivenBackSeatIsOfferedAtOnce() {
        LocalDate day = openDay();
        List<Request> requests = requests(day, 40);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        List<Answer> answers = Flux.range(0, 40).flatMap(i -> send(clients.get(i % 2), requests.get(i), keys.get(i)), 40)
                .collectList().block(Duration.ofSeconds(60));
        List<Answer> booked = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(booked).hasSize(SEATS);

        // The crowd keeps coming: each instance asks Redis once more, then answers from memory.
        long asked = fullAnswersFromRedis();
        List<Request> crowd = requests(day, 200);
        List<Answer> refused = Flux.range(0, 200)
                .concatMap(i -> send(clients.get(i % 2), crowd.get(i), UUID.randomUUID().toString()))
                .collectList().block(Duration.ofSeconds(60));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.type()).endsWith("/slot-full");
        });
        assertThat(fullAnswersFromRedis() - asked).as("full answers from Redis for 200 refused attempts").isLessThanOrEqualTo(4);

        // A citizen whose answer was lost retries under the same key, on either instance: the
        // booking comes back, it is not refused as full.
        Answer winner = booked.get(0);
        Request again = requests.get(keys.indexOf(winner.key()));
        for (WebClient client : clients) {
            Answer replayed = send(client, again, winner.key()).block(Duration.ofSeconds(30));
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.code()).isEqualTo(winner.code());
        }

        // A seat given back on an instance is offered there at once.
        assertThat(clients.get(0).delete().uri("/api/v1/bookings/{code}", winner.code())
                .header("Authorization", "Bearer " + again.token())
                .exchangeToMono(response -> Mono.just(response.statusCode().value())).block(Duration.ofSeconds(30)))
                .isEqualTo(200);
        Answer next = send(clients.get(0), crowd.get(0), UUID.randomUUID().toString()).block(Duration.ofSeconds(30));
        assertThat(next.status()).isEqualTo(201);
        assertCounters(day, SEATS);
    }

    @Test
    void whenRedisDiesDuringTheRushPostgreSqlAloneStillBooksExactlyTwentyAndRedisIsRebuiltWhenItReturns() {
        LocalDate day = openDay();
        List<Request> requests = requests(day, ATTEMPTS);
        // The first eight through Redis, one after another.
        for (int i = 0; i < 8; i++) {
            assertThat(send(clients.get(i % 2), requests.get(i), UUID.randomUUID().toString()).block(Duration.ofSeconds(30))
                    .status()).isEqualTo(201);
        }
        // The rest all at once, while Redis goes down.
        Mono<Void> kill = Mono.delay(Duration.ofMillis(30)).doOnNext(tick -> EmbeddedRedis.stop(redis)).then();
        List<Answer> answers = Flux.merge(kill.thenMany(Flux.<Answer>empty()),
                        Flux.range(8, ATTEMPTS - 8).flatMap(i -> send(clients.get(i % 2), requests.get(i),
                                UUID.randomUUID().toString()), ATTEMPTS))
                .collectList().block(Duration.ofSeconds(90));

        Map<Integer, List<Answer>> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status));
        assertThat(byStatus.keySet()).containsOnly(201, 409);
        assertThat(byStatus.get(201)).hasSize(SEATS - 8);
        assertThat(byStatus.get(409)).allSatisfy(answer -> assertThat(answer.type()).endsWith("/slot-full"));
        assertDatabase(day, SEATS);

        // While Redis is away, a booking still goes through PostgreSQL alone.
        LocalDate other = openDay();
        assertThat(send(clients.get(1), requests(other, 1).get(0), UUID.randomUUID().toString()).block(Duration.ofSeconds(30))
                .status()).isEqualTo(201);

        redis = EmbeddedRedis.start(redisPort);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Objects.equals(redisCount(day, "b"), Integer.toString(SEATS))
                        && Objects.equals(redisCount(other, "b"), "1"));
        assertCounters(day, SEATS);
    }

    @Test
    void eachDayBeforeReminderGoesOutOnceThoughBothInstancesSweep() {
        // Both instances remind from midnight on (see start()): tomorrow's bookings are due at once.
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
        LocalTime late = LocalTime.of(22, 0);
        first.getBean(Quotas.class).setDay(ServiceCode.CREMATION, tomorrow,
                new DayPlan(List.of(new DayPlan.SlotPlan(late, late.plusHours(1), 10, 0)), null, false, null, false))
                .block(Duration.ofSeconds(10));
        JwtEncoder encoder = first.getBean(JwtEncoder.class);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String phone = Fixtures.newPhone();
            phones.add(phone);
            Map<String, Object> body = Scenario.funeral(ServiceCode.CREMATION, tomorrow, "22:00", Fixtures.newPhone(), false);
            body.put("companions", 0);
            assertThat(send(clients.get(i % 2), new Request(CitizenTokens.mint(encoder, phone), body), UUID.randomUUID().toString())
                    .block(Duration.ofSeconds(30)).status()).isEqualTo(201);
        }
        var twilio = TestServices.get().twilio();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> phones.stream()
                .allMatch(phone -> twilio.messagesTo(phone).stream().anyMatch(m -> m.body().contains("提醒"))));
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> phones.stream()
                .allMatch(phone -> twilio.messagesTo(phone).stream().filter(m -> m.body().contains("提醒")).count() == 1));
    }

    private static LocalDate openDay() {
        LocalDate day = Scenario.freshDay(Clock.system(SHANGHAI));
        first.getBean(Quotas.class).setDay(ServiceCode.MARRIAGE_REGISTRATION, day,
                new DayPlan(List.of(new DayPlan.SlotPlan(NINE, NINE.plusMinutes(30), SEATS, 0)), null, false, null, false))
                .block(Duration.ofSeconds(10));
        return day;
    }

    /** Everyone at once, alternating between the instances. */
    private static Map<Integer, List<Answer>> rush(LocalDate day, int attempts, Function<Integer, String> key) {
        List<Request> requests = requests(day, attempts);
        return Flux.range(0, attempts)
                .flatMap(i -> send(clients.get(i % 2), requests.get(i), key.apply(i)), attempts)
                .collectList().block(Duration.ofSeconds(90))
                .stream().collect(Collectors.groupingBy(Answer::status));
    }

    private static List<Request> requests(LocalDate day, int count) {
        JwtEncoder encoder = first.getBean(JwtEncoder.class);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = Fixtures.newPhone();
            Map<String, Object> body = Scenario.couple(day, "09:00");
            body.put("companions", 0);
            requests.add(new Request(CitizenTokens.mint(encoder, phone), body));
        }
        return requests;
    }

    private static Mono<Answer> send(WebClient client, Request request, String key) {
        return client.post().uri("/api/v1/bookings")
                .header("Authorization", "Bearer " + request.token())
                .header("Idempotency-Key", key)
                .bodyValue(request.body())
                .exchangeToMono(response -> response.bodyToMono(Map.class)
                        .map(body -> new Answer(key, response.statusCode().value(), (String) body.get("code"),
                                String.valueOf(body.get("type")))));
    }

    private static void assertCounters(LocalDate day, int seats) {
        assertDatabase(day, seats);
        assertThat(redisCount(day, "s:0900:b")).isEqualTo(Integer.toString(seats));
        assertThat(redisCount(day, "b")).isEqualTo(Integer.toString(seats));
    }

    private static void assertDatabase(LocalDate day, int seats) {
        assertThat(count("select booked from quota_slots where service = 'MARRIAGE_REGISTRATION' and day = ?", day)).isEqualTo(seats);
        assertThat(count("select booked from quota_days where service = 'MARRIAGE_REGISTRATION' and day = ?", day)).isEqualTo(seats);
        assertThat(count("select count(*) from quota_seats where service = 'MARRIAGE_REGISTRATION' and day = ?", day)).isEqualTo(seats);
        assertThat(count("select count(*) from bookings where service = 'MARRIAGE_REGISTRATION' and day = ? and status = 'CONFIRMED'",
                day)).isEqualTo(seats);
    }

    /**
     * How many times this test's Redis answered "full" from the seat script: each such answer
     * counts the day's idempotency keys (SCARD), which nothing else here does.
     */
    private static long fullAnswersFromRedis() {
        java.util.Properties stats = first.getBean(ReactiveStringRedisTemplate.class).getConnectionFactory()
                .getReactiveConnection().serverCommands().info("commandstats").block(Duration.ofSeconds(5));
        String line = stats.getProperty("cmdstat_scard");
        return line == null ? 0 : Long.parseLong(line.replaceAll(".*calls=(\\d+).*", "$1"));
    }

    private static String redisCount(LocalDate day, String field) {
        String key = first.getBean(Platform.class).key("seat", "{MARRIAGE_REGISTRATION}", day.format(DateTimeFormatter.BASIC_ISO_DATE));
        try {
            return first.getBean(ReactiveStringRedisTemplate.class).<String, String>opsForHash().get(key, field)
                    .block(Duration.ofSeconds(2));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static int count(String sql, LocalDate day) {
        try (Connection db = TestServices.get().jdbc(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, day);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void execute(String sql, LocalDate day) {
        try (Connection db = TestServices.get().jdbc(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, day);
            statement.execute();
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ConfigurableApplicationContext start() {
        // Its own Netty loops: closing an application on Reactor Netty's global ones disposes them
        // under the test contexts the JVM keeps.
        return new SpringApplicationBuilder(CivicDeskApplication.class, AnotherInstance.OwnEventLoops.class).run("--server.port=0",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--civicdesk.quota.redis-check-interval=200ms",
                "--civicdesk.booking.reminder-time=00:00",
                // Long enough that a slow machine does not forget a full slot in the middle of a test.
                "--civicdesk.quota.full-memory=60s",
                // The machine's PostgreSQL serves every test run at once: a modest pool each.
                "--spring.r2dbc.pool.max-size=12");
    }

    private static WebClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).responseTimeout(Duration.ofSeconds(60))))
                .build();
    }

    private record Request(String token, Map<String, Object> body) {
    }

    private record Answer(String key, int status, String code, String type) {
    }
}
