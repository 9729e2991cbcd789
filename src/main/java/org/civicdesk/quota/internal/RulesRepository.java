package org.civicdesk.quota.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.r2dbc.spi.Readable;
import org.civicdesk.quota.DayPlan;
import org.civicdesk.quota.HotDate;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServiceRules;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each service's booking rules, its hot-date template and the hot dates staff added. */
@Repository
class RulesRepository {

    private final DatabaseClient db;

    RulesRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<ServiceRules> all() {
        return db.sql("""
                select service, office_unit_id, slot_minutes, min_notice_minutes, max_days_ahead, release_time,
                       reserve_share, reserve_cutoff_time, builtin_hot_dates, hot_tranches, hot_day_cap
                  from quota_services order by service""")
                .map(RulesRepository::rules)
                .all();
    }

    /** Records which unit a service's office is; true when that changed. */
    Mono<Boolean> assignOffice(ServiceCode service, @Nullable Long unitId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update quota_services set office_unit_id = :unit, updated_at = now()
                 where service = :s and office_unit_id is distinct from :unit""")
                .bind("s", service.name());
        return (unitId == null ? spec.bindNull("unit", Long.class) : spec.bind("unit", unitId))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<Void> update(ServiceCode service, Duration minNotice, int maxDaysAhead, LocalTime releaseTime, double reserveShare,
            LocalTime reserveCutoff) {
        return db.sql("""
                update quota_services set min_notice_minutes = :notice, max_days_ahead = :ahead, release_time = :release,
                       reserve_share = :share, reserve_cutoff_time = :cutoff, updated_at = now()
                 where service = :s""")
                .bind("s", service.name()).bind("notice", (int) minNotice.toMinutes()).bind("ahead", maxDaysAhead)
                .bind("release", releaseTime).bind("share", BigDecimal.valueOf(reserveShare)).bind("cutoff", reserveCutoff)
                .then();
    }

    Flux<DayPlan.SlotPlan> hotTemplate(ServiceCode service) {
        return db.sql("select start_time, end_time, capacity, reserved from quota_hot_template_slots where service = :s order by start_time")
                .bind("s", service.name())
                .map(row -> new DayPlan.SlotPlan(row.get("start_time", LocalTime.class), row.get("end_time", LocalTime.class),
                        row.get("capacity", Integer.class), row.get("reserved", Integer.class)))
                .all();
    }

    Mono<Void> replaceHotTemplate(ServiceCode service, List<DayPlan.SlotPlan> slots, @Nullable Integer dayCap,
            List<ServiceRules.Tranche> tranches) {
        DatabaseClient.GenericExecuteSpec rules = db.sql("""
                update quota_services set hot_tranches = :t, hot_day_cap = :cap, updated_at = now() where service = :s""")
                .bind("s", service.name()).bind("t", format(tranches));
        rules = dayCap == null ? rules.bindNull("cap", Integer.class) : rules.bind("cap", dayCap);
        return rules.then()
                .then(db.sql("delete from quota_hot_template_slots where service = :s").bind("s", service.name()).then())
                .thenMany(Flux.fromIterable(slots).concatMap(slot -> {
                    DatabaseClient.GenericExecuteSpec insert = db.sql("""
                            insert into quota_hot_template_slots (service, start_time, end_time, capacity, reserved)
                            values (:s, :start, :end, :cap, :res)""")
                            .bind("s", service.name()).bind("start", slot.start()).bind("end", slot.end())
                            .bind("cap", slot.capacity());
                    return (slot.reserved() == null ? insert.bindNull("res", Integer.class)
                            : insert.bind("res", slot.reserved())).then();
                }))
                .then();
    }

    Flux<HotDate> addedHotDates(ServiceCode service, LocalDate from, LocalDate to) {
        return db.sql("select day, name from quota_hot_dates where service = :s and day between :from and :to order by day")
                .bind("s", service.name()).bind("from", from).bind("to", to)
                .map(row -> new HotDate(row.get("day", LocalDate.class), row.get("name", String.class), false))
                .all();
    }

    Mono<Void> addHotDate(ServiceCode service, LocalDate day, String name) {
        return db.sql("""
                insert into quota_hot_dates (service, day, name) values (:s, :d, :n)
                on conflict (service, day) do update set name = excluded.name""")
                .bind("s", service.name()).bind("d", day).bind("n", name).then();
    }

    Mono<Boolean> removeHotDate(ServiceCode service, LocalDate day) {
        return db.sql("delete from quota_hot_dates where service = :s and day = :d")
                .bind("s", service.name()).bind("d", day).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Parses {@code 7@08:30=0.4,6@08:30=1}: days ahead, time, cumulative share. */
    static List<ServiceRules.Tranche> parse(String tranches) {
        List<ServiceRules.Tranche> out = new ArrayList<>();
        for (String part : tranches.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] daysRest = part.strip().split("@", 2);
            String[] timeShare = daysRest[1].split("=", 2);
            out.add(new ServiceRules.Tranche(Integer.parseInt(daysRest[0]), LocalTime.parse(timeShare[0]),
                    Double.parseDouble(timeShare[1])));
        }
        return out;
    }

    static String format(List<ServiceRules.Tranche> tranches) {
        List<String> parts = new ArrayList<>();
        for (ServiceRules.Tranche tranche : tranches) {
            parts.add(tranche.daysAhead() + "@" + tranche.time() + "=" + String.format(Locale.ROOT, "%.3f", tranche.share()));
        }
        return String.join(",", parts);
    }

    private static ServiceRules rules(Readable row) {
        return new ServiceRules(ServiceCode.valueOf(row.get("service", String.class)), row.get("office_unit_id", Long.class),
                row.get("slot_minutes", Integer.class), Duration.ofMinutes(row.get("min_notice_minutes", Integer.class)),
                row.get("max_days_ahead", Integer.class), row.get("release_time", LocalTime.class),
                row.get("reserve_share", BigDecimal.class).doubleValue(), row.get("reserve_cutoff_time", LocalTime.class),
                Boolean.TRUE.equals(row.get("builtin_hot_dates", Boolean.class)), parse(row.get("hot_tranches", String.class)),
                row.get("hot_day_cap", Integer.class));
    }
}
