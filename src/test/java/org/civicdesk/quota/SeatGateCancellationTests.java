package org.civicdesk.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.civicdesk.booking.Scenario;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.internal.SeatGate;
import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A citizen who goes away during a rush (the page closed, the request cancelled) while the gate
 * holds a seat in Redis: the attempt still ends, written or given back, so Redis and PostgreSQL
 * count the same seats and none is lost to the others until the next rebuild.
 */
@CivicDeskTest
class SeatGateCancellationTests {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Autowired
    SeatGate gate;

    @Autowired
    Quotas quotas;

    @Autowired
    Platform platform;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    DatabaseClient database;

    @Autowired
    Clock clock;

    @Test
    void aRequestCancelledAfterRedisTookTheSeatStillEndsInPostgreSql() {
        LocalDate day = Scenario.freshDay(clock);
        quotas.updateRules(ServiceCode.MARRIAGE_REGISTRATION, Duration.ZERO, 365, LocalTime.MIDNIGHT, 0, LocalTime.of(18, 0))
                .block(Duration.ofSeconds(10));
        quotas.setDay(ServiceCode.MARRIAGE_REGISTRATION, day,
                        new DayPlan(List.of(new DayPlan.SlotPlan(NINE, NINE.plusMinutes(30), 2, 0)), null, false, null, false))
                .block(Duration.ofSeconds(10));
        SeatRequest request = request(day, newCode());

        // The caller's own rows take a while; the caller cancels in the middle of them.
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Disposable attempt = gate.take(request, grant -> Mono.delay(Duration.ofMillis(600)).thenReturn(grant.code()))
                .subscribe(null, failed::set);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> failed.get() != null || "1".equals(redisCount(day)));
        assertThat(failed.get()).isNull();
        attempt.dispose();

        // The cancelled attempt still ends in PostgreSQL, and Redis never counts a seat that
        // PostgreSQL does not have (a counter rebuild running at the same moment may count one
        // fewer for a while: PostgreSQL still has the last word).
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bookedInPostgreSql(day)).isEqualTo(1));
        assertThat(Integer.parseInt(redisCount(day))).isLessThanOrEqualTo(1);

        // The slot then holds exactly its two seats: one more booking, and the next is refused.
        assertThat(gate.take(request(day, newCode()), grant -> Mono.just(grant.code())).block(Duration.ofSeconds(10))).isNotNull();
        assertThatThrownBy(() -> gate.take(request(day, newCode()), grant -> Mono.just(grant.code())).block(Duration.ofSeconds(10)))
                .isInstanceOf(SlotFull.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bookedInPostgreSql(day)).isEqualTo(2);
            assertThat(redisCount(day)).isEqualTo("2");
        });
    }

    private static String newCode() {
        return "9" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 7);
    }

    private static SeatRequest request(LocalDate day, String code) {
        return new SeatRequest(code, ServiceCode.MARRIAGE_REGISTRATION, day, NINE, Channel.WEB,
                List.of("cancel-test:" + code), null, "fingerprint-" + code);
    }

    private String redisCount(LocalDate day) {
        String key = platform.key("seat", "{MARRIAGE_REGISTRATION}", day.format(DateTimeFormatter.BASIC_ISO_DATE));
        return redis.<String, String>opsForHash().get(key, "s:0900:b").block(Duration.ofSeconds(2));
    }

    private Integer bookedInPostgreSql(LocalDate day) {
        return database.sql("select booked from quota_slots where service = 'MARRIAGE_REGISTRATION' and day = :day "
                        + "and start_time = '09:00'")
                .bind("day", day)
                .map(row -> row.get("booked", Integer.class))
                .one()
                .block(Duration.ofSeconds(5));
    }
}
