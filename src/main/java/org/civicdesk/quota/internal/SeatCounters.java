package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicdesk.platform.Platform;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The seat gate's Redis half: counters every instance shares, taken and given back by one Lua
 * script each, and rebuilt from PostgreSQL. Every method fails fast (as an error) when Redis is
 * away; the gate then asks PostgreSQL alone.
 */
@Component
class SeatCounters {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("HHmm");

    private final ReactiveStringRedisTemplate redis;
    private final Platform platform;
    private final QuotaSettings settings;

    SeatCounters(ReactiveStringRedisTemplate redis, Platform platform, QuotaSettings settings) {
        this.redis = redis;
        this.platform = platform;
        this.settings = settings;
    }

    /** What the take script answered. */
    enum Outcome {
        OK, IDEM, NOT_READY, NO_SLOT, SLOT_FULL, DAY_FULL, DUPLICATE
    }

    /**
     * The answer, with the first request's {@code code|fingerprint} for {@link Outcome#IDEM}, and
     * for a full answer, when asked, the idempotency keys that took a seat that day ({@code null}
     * when not sent).
     */
    record Taken(Outcome outcome, @Nullable String prior, @Nullable Set<String> scopes) {
    }

    /** A seat to take or give back in Redis. */
    record Ask(ServiceCode service, LocalDate day, LocalTime start, String code, boolean reserveChannel,
            @Nullable String idempotencyScope, List<String> persons, boolean sameDayMove) {
    }

    Mono<Taken> take(Ask ask, int share, boolean reserveActive, String fingerprint, LocalDate today, boolean wantScopes) {
        List<String> args = new ArrayList<>(List.of(SLOT.format(ask.start()), Integer.toString(share),
                flag(reserveActive), flag(ask.reserveChannel()), ask.code() + "|" + fingerprint,
                ask.idempotencyScope() == null ? "0" : Long.toString(settings.idempotencyTtl().toMillis()),
                ask.code() + "|" + DAY.format(ask.day()), DAY.format(today), flag(ask.sameDayMove()), flag(wantScopes)));
        args.addAll(ask.persons());
        return redis.execute(SeatScripts.TAKE, keys(ask), args)
                .next()
                .map(SeatCounters::taken);
    }

    static Taken taken(List<?> result) {
        Outcome outcome = Outcome.valueOf(String.valueOf(result.get(0)));
        if (outcome == Outcome.IDEM) {
            return new Taken(outcome, String.valueOf(result.get(1)), null);
        }
        if (result.size() > 1 && "+".equals(String.valueOf(result.get(1)))) {
            Set<String> scopes = new HashSet<>();
            for (int i = 2; i < result.size(); i++) {
                scopes.add(String.valueOf(result.get(i)));
            }
            return new Taken(outcome, null, scopes);
        }
        return new Taken(outcome, null, null);
    }

    /** The Redis name an idempotency scope is kept under: what the day's scopes set holds. */
    String idempotencyKey(ServiceCode service, String scope) {
        return platform.key("seat-idem", tag(service), scope);
    }

    /** Gives a seat back; with {@code start} null only its people and idempotency key are freed. */
    Mono<Void> release(Ask ask, boolean counters, boolean dropIdempotency) {
        List<String> args = new ArrayList<>(List.of(counters ? SLOT.format(ask.start()) : "", flag(ask.reserveChannel()),
                ask.code(), flag(ask.sameDayMove()), flag(dropIdempotency)));
        args.addAll(ask.persons());
        return redis.execute(SeatScripts.RELEASE, keys(ask), args).then();
    }

    /** Names the people of a held seat; false when one of them holds another active seat. */
    Mono<Boolean> lockPersons(ServiceCode service, String code, LocalDate day, LocalDate today, List<String> persons) {
        List<String> args = new ArrayList<>(List.of(code + "|" + DAY.format(day), DAY.format(today)));
        args.addAll(persons);
        return redis.execute(SeatScripts.LOCK_PERSONS, List.of(personsKey(service)), args)
                .next().map("OK"::equals);
    }

    /** Writes PostgreSQL's numbers for one day; the hash expires two days after it. */
    Mono<Void> rebuild(QuotaDay day) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean takes = day.open() && !day.suspended();
        fields.put("cap", day.dayCapEffective() == null ? "-1" : Integer.toString(day.dayCapEffective()));
        fields.put("b", Integer.toString(day.booked()));
        for (QuotaDay.Slot slot : day.slots()) {
            String s = "s:" + SLOT.format(slot.start()) + ":";
            fields.put(s + "c", Integer.toString(takes ? slot.effective() : 0));
            fields.put(s + "v", Integer.toString(slot.reserved()));
            fields.put(s + "b", Integer.toString(slot.booked()));
            fields.put(s + "r", Integer.toString(slot.reserveBooked()));
        }
        long expireAt = day.date().plusDays(2).atStartOfDay(platform.zone()).toInstant().toEpochMilli();
        List<String> args = new ArrayList<>();
        args.add(Long.toString(expireAt));
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        return redis.execute(SeatScripts.REBUILD_DAY, List.of(dayKey(day.service(), day.date())), args).then();
    }

    /** Replaces who holds a seat, per service, with PostgreSQL's list. */
    Mono<Void> rebuildPersons(ServiceCode service, Map<String, String> holders) {
        String key = personsKey(service);
        return redis.delete(key)
                .thenMany(Flux.fromIterable(holders.entrySet()).buffer(500)
                        .concatMap(chunk -> {
                            Map<String, String> part = new LinkedHashMap<>();
                            chunk.forEach(e -> part.put(e.getKey(), e.getValue()));
                            return redis.opsForHash().putAll(key, part);
                        }))
                .then();
    }

    static String holder(String code, LocalDate day) {
        return code + "|" + DAY.format(day);
    }

    /** The configuration version other instances announce changes with. */
    Mono<String> version() {
        return redis.opsForValue().get(platform.key("quota", "version")).defaultIfEmpty("0");
    }

    Mono<Long> bumpVersion() {
        return redis.opsForValue().increment(platform.key("quota", "version"));
    }

    /** Claims the right to rebuild everything for a while, so instances do not all rebuild at once. */
    Mono<Boolean> claimRebuild(Duration lease) {
        return redis.opsForValue().setIfAbsent(platform.key("quota", "rebuild"), platform.instanceId(), lease);
    }

    Mono<Void> endRebuild() {
        return redis.delete(platform.key("quota", "rebuild")).then();
    }

    /*
     * Every key one script touches carries the service as a hash tag ({MARRIAGE_REGISTRATION}), so
     * that on a Redis Cluster they live on one shard and the script stays atomic.
     */
    private List<String> keys(Ask ask) {
        return List.of(dayKey(ask.service(), ask.day()), personsKey(ask.service()),
                idempotencyKey(ask.service(), ask.idempotencyScope() == null ? "-" : ask.idempotencyScope()),
                platform.key("seat-idem-day", tag(ask.service()), DAY.format(ask.day())));
    }

    private String dayKey(ServiceCode service, LocalDate day) {
        return platform.key("seat", tag(service), DAY.format(day));
    }

    private String personsKey(ServiceCode service) {
        return platform.key("seat-persons", tag(service));
    }

    private static String tag(ServiceCode service) {
        return "{" + service.name() + "}";
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
