package org.civicdesk.quota.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Days and their slots with capacities and counters, as staff set them and bookings fill them. */
@Repository
class QuotaRepository {

    private static final String DAY_COLUMNS = """
            service, day, open, reason, hot, suspended, factor, day_cap, day_cap_effective, booked""";
    private static final String SLOT_COLUMNS = """
            service, day, start_time, end_time, capacity, effective, reserved, booked, reserve_booked""";

    private final DatabaseClient db;

    QuotaRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The opened days of a service in a range, with their slots; days nobody opened are absent. */
    Flux<QuotaDay> days(ServiceCode service, LocalDate from, LocalDate to) {
        Flux<QuotaDay> days = db.sql("select " + DAY_COLUMNS + " from quota_days where service = :s and day between :from and :to order by day")
                .bind("s", service.name()).bind("from", from).bind("to", to)
                .map(QuotaRepository::day).all();
        Flux<Slot> slots = db.sql("select " + SLOT_COLUMNS + " from quota_slots where service = :s and day between :from and :to order by day, start_time")
                .bind("s", service.name()).bind("from", from).bind("to", to)
                .map(QuotaRepository::slot).all();
        return join(days, slots);
    }

    /** Every service's days from a date on, for rebuilding counters and applying a risk level. */
    Flux<QuotaDay> daysFrom(LocalDate from, Collection<ServiceCode> services) {
        String[] codes = services.stream().map(Enum::name).toArray(String[]::new);
        Flux<QuotaDay> days = db.sql("select " + DAY_COLUMNS + " from quota_days where day >= :from and service = any(:s) order by service, day")
                .bind("from", from).bind("s", codes)
                .map(QuotaRepository::day).all();
        Flux<Slot> slots = db.sql("select " + SLOT_COLUMNS + " from quota_slots where day >= :from and service = any(:s) order by service, day, start_time")
                .bind("from", from).bind("s", codes)
                .map(QuotaRepository::slot).all();
        return join(days, slots);
    }

    Mono<QuotaDay> day(ServiceCode service, LocalDate date) {
        return days(service, date, date).next();
    }

    /** Locks a day's row for a change of its plan (creating it closed when it does not exist). */
    Mono<Void> lockDay(ServiceCode service, LocalDate date) {
        return db.sql("""
                insert into quota_days (service, day, open) values (:s, :d, false)
                on conflict (service, day) do update set updated_at = now()""")
                .bind("s", service.name()).bind("d", date).then();
    }

    Mono<Void> updateDay(ServiceCode service, LocalDate date, boolean open, @Nullable String reason, boolean hot,
            @Nullable Integer dayCap, @Nullable Integer dayCapEffective, double factor, boolean suspended) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update quota_days set open = :open, reason = :reason, hot = :hot, day_cap = :cap,
                       day_cap_effective = :capEff, factor = :factor, suspended = :suspended, updated_at = now()
                 where service = :s and day = :d""")
                .bind("s", service.name()).bind("d", date).bind("open", open).bind("hot", hot)
                .bind("factor", BigDecimal.valueOf(factor)).bind("suspended", suspended);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        spec = dayCap == null ? spec.bindNull("cap", Integer.class) : spec.bind("cap", dayCap);
        spec = dayCapEffective == null ? spec.bindNull("capEff", Integer.class) : spec.bind("capEff", dayCapEffective);
        return spec.then();
    }

    Mono<Void> upsertSlot(ServiceCode service, LocalDate date, LocalTime start, LocalTime end, int capacity, int effective,
            int reserved) {
        return db.sql("""
                insert into quota_slots (service, day, start_time, end_time, capacity, effective, reserved)
                values (:s, :d, :start, :end, :cap, :eff, :res)
                on conflict (service, day, start_time) do update
                   set end_time = excluded.end_time, capacity = excluded.capacity, effective = excluded.effective,
                       reserved = excluded.reserved""")
                .bind("s", service.name()).bind("d", date).bind("start", start).bind("end", end)
                .bind("cap", capacity).bind("eff", effective).bind("res", reserved)
                .then();
    }

    /** Removes the slots a new plan no longer has; those with bookings stay, at no capacity, until emptied. */
    Mono<Void> removeSlotsOtherThan(ServiceCode service, LocalDate date, Collection<LocalTime> keep) {
        String[] kept = keep.stream().map(LocalTime::toString).toArray(String[]::new);
        return db.sql("delete from quota_slots where service = :s and day = :d and booked = 0 and not (start_time = any(cast(:keep as time[])))")
                .bind("s", service.name()).bind("d", date).bind("keep", kept).then()
                .then(db.sql("""
                        update quota_slots set capacity = 0, effective = 0, reserved = 0
                         where service = :s and day = :d and not (start_time = any(cast(:keep as time[])))""")
                        .bind("s", service.name()).bind("d", date).bind("keep", kept).then());
    }

    /** Applies a risk level's capacity share to every slot of a day. */
    Mono<Void> applyFactor(ServiceCode service, LocalDate date, double factor, boolean suspended) {
        return db.sql("""
                update quota_slots set effective = floor(capacity * :f)::int where service = :s and day = :d""")
                .bind("s", service.name()).bind("d", date).bind("f", BigDecimal.valueOf(factor)).then()
                .then(db.sql("""
                        update quota_days set factor = :f, suspended = :suspended,
                               day_cap_effective = case when day_cap is null then null else floor(day_cap * :f)::int end,
                               updated_at = now()
                         where service = :s and day = :d""")
                        .bind("s", service.name()).bind("d", date).bind("f", BigDecimal.valueOf(factor))
                        .bind("suspended", suspended).then());
    }

    Mono<Boolean> setHot(ServiceCode service, LocalDate date, boolean hot) {
        return db.sql("update quota_days set hot = :hot, updated_at = now() where service = :s and day = :d and hot <> :hot")
                .bind("s", service.name()).bind("d", date).bind("hot", hot)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Flux<QuotaDay> join(Flux<QuotaDay> days, Flux<Slot> slots) {
        return slots.collectList().flatMapMany(all -> {
            Map<String, List<QuotaDay.Slot>> byDay = new LinkedHashMap<>();
            for (Slot slot : all) {
                byDay.computeIfAbsent(slot.service() + slot.day(), k -> new ArrayList<>()).add(slot.slot());
            }
            return days.map(day -> new QuotaDay(day.service(), day.date(), day.open(), day.reason(), day.hot(),
                    day.suspended(), day.capacityFactor(), day.dayCap(), day.dayCapEffective(), day.booked(),
                    byDay.getOrDefault(day.service().name() + day.date(), List.of())));
        });
    }

    private static QuotaDay day(Readable row) {
        return new QuotaDay(ServiceCode.valueOf(row.get("service", String.class)), row.get("day", LocalDate.class),
                Boolean.TRUE.equals(row.get("open", Boolean.class)), row.get("reason", String.class),
                Boolean.TRUE.equals(row.get("hot", Boolean.class)), Boolean.TRUE.equals(row.get("suspended", Boolean.class)),
                row.get("factor", BigDecimal.class).doubleValue(), row.get("day_cap", Integer.class),
                row.get("day_cap_effective", Integer.class), row.get("booked", Integer.class), List.of());
    }

    private static Slot slot(Readable row) {
        return new Slot(row.get("service", String.class), row.get("day", LocalDate.class),
                new QuotaDay.Slot(row.get("start_time", LocalTime.class), row.get("end_time", LocalTime.class),
                        row.get("capacity", Integer.class), row.get("effective", Integer.class),
                        row.get("reserved", Integer.class), row.get("booked", Integer.class),
                        row.get("reserve_booked", Integer.class)));
    }

    private record Slot(String service, LocalDate day, QuotaDay.Slot slot) {
    }
}
