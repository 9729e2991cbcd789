package org.civicdesk.risk.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.civicdesk.directory.UnitType;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Levels, profiles and their history in PostgreSQL. Callers wrap writes in a transaction. */
@Repository
public class RiskRepository {

    static final String DISTRICT = "district";

    private static final TypeReference<Map<String, Double>> FACTORS = new TypeReference<>() { };
    private static final TypeReference<Map<UnitType, Guideline>> GUIDELINES = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;

    RiskRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    static String scope(@Nullable Long unitId) {
        return unitId == null ? DISTRICT : "unit:" + unitId;
    }

    /** Everything the policy keeps in memory, read in one go. */
    Mono<RiskPolicy.Snapshot> load() {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            Mono<Map<String, RiskStatus>> levels = db.sql("select scope, unit_id, level, reason, since from risk_levels")
                    .map(row -> Map.entry(row.get("scope", String.class), status(row)))
                    .all()
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            Mono<Map<RiskLevel, RiskProfile>> profiles = profiles().collectMap(RiskProfile::level);
            return Mono.zip(levels, profiles).map(both -> {
                Map<Long, RiskStatus> units = new HashMap<>();
                both.getT1().values().stream().filter(s -> s.unitId() != null).forEach(s -> units.put(s.unitId(), s));
                return new RiskPolicy.Snapshot(both.getT1().get(DISTRICT), Map.copyOf(units),
                        new EnumMap<>(both.getT2()), started);
            });
        });
    }

    Flux<RiskProfile> profiles() {
        return db.sql("""
                select level, capacity_factors::text as factors, default_capacity_factor, max_companions, appointment_only,
                       suspended_services, elderly_care_visits_suspended, guidelines::text as guidelines
                  from risk_profiles order by level""")
                .map(this::profile)
                .all();
    }

    /** The level rows of the district and (if given) a unit, locked until the transaction ends. */
    Mono<Map<String, RiskStatus>> lock(@Nullable Long unitId) {
        return db.sql("select scope, unit_id, level, reason, since from risk_levels where scope in (:d, :u) for update")
                .bind("d", DISTRICT).bind("u", scope(unitId))
                .map(row -> Map.entry(row.get("scope", String.class), status(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Void> save(RiskStatus status, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into risk_levels (scope, unit_id, level, reason, since, set_by) values (:scope, :unit, :level, :reason, :since, :by)
                on conflict (scope) do update set level = excluded.level, reason = excluded.reason, since = excluded.since,
                                                  set_by = excluded.set_by""")
                .bind("scope", scope(status.unitId())).bind("level", status.level().name()).bind("reason", status.reason())
                .bind("since", status.since()).bind("by", by);
        return bindUnit(spec, status.unitId()).then();
    }

    Mono<Void> clear(long unitId) {
        return db.sql("delete from risk_levels where scope = :scope").bind("scope", scope(unitId)).then();
    }

    Mono<Void> record(RiskLevelChanged change, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into risk_level_changes (unit_id, previous, level, reason, changed_by, changed_at)
                values (:unit, :previous, :level, :reason, :by, :at)""")
                .bind("previous", change.previous().name()).bind("level", change.level().name())
                .bind("reason", change.reason()).bind("by", by).bind("at", change.at());
        return bindUnit(spec, change.unitId()).then();
    }

    /** The history, newest first; the district's only unless units are asked for too. */
    public Flux<RiskLevelChanged> history(boolean withUnits, int limit) {
        return db.sql("select unit_id, previous, level, reason, changed_at from risk_level_changes"
                        + (withUnits ? "" : " where unit_id is null") + " order by id desc limit :n")
                .bind("n", limit)
                .map(RiskRepository::change)
                .all();
    }

    public Flux<RiskLevelChanged> changesSince(Instant since) {
        return db.sql("select unit_id, previous, level, reason, changed_at from risk_level_changes where changed_at >= :since order by id")
                .bind("since", since)
                .map(RiskRepository::change)
                .all();
    }

    Mono<RiskProfile> saveProfile(RiskProfile p, String by, Instant at) {
        return db.sql("""
                update risk_profiles set capacity_factors = cast(:factors as jsonb), default_capacity_factor = :def,
                       max_companions = :companions, appointment_only = :appointment, suspended_services = :suspended,
                       elderly_care_visits_suspended = :visits, guidelines = cast(:guidelines as jsonb),
                       updated_at = :at, updated_by = :by
                 where level = :level""")
                .bind("factors", json.writeValueAsString(p.capacityFactors())).bind("def", p.defaultCapacityFactor())
                .bind("companions", p.maxCompanions()).bind("appointment", p.appointmentOnly())
                .bind("suspended", p.suspendedServices().stream().sorted().toArray(String[]::new))
                .bind("visits", p.elderlyCareVisitsSuspended()).bind("guidelines", json.writeValueAsString(p.guidelines()))
                .bind("at", at).bind("by", by).bind("level", p.level().name())
                .then().thenReturn(p);
    }

    private RiskProfile profile(Readable row) {
        String[] suspended = row.get("suspended_services", String[].class);
        return new RiskProfile(RiskLevel.valueOf(row.get("level", String.class)),
                json.readValue(row.get("factors", String.class), FACTORS),
                row.get("default_capacity_factor", Double.class), row.get("max_companions", Integer.class),
                Boolean.TRUE.equals(row.get("appointment_only", Boolean.class)),
                suspended == null ? Set.of() : Set.copyOf(Arrays.asList(suspended)),
                Boolean.TRUE.equals(row.get("elderly_care_visits_suspended", Boolean.class)),
                json.readValue(row.get("guidelines", String.class), GUIDELINES));
    }

    private static RiskStatus status(Readable row) {
        return new RiskStatus(row.get("unit_id", Long.class), RiskLevel.valueOf(row.get("level", String.class)),
                row.get("since", Instant.class), row.get("reason", String.class));
    }

    private static RiskLevelChanged change(Readable row) {
        return new RiskLevelChanged(row.get("unit_id", Long.class), RiskLevel.valueOf(row.get("previous", String.class)),
                RiskLevel.valueOf(row.get("level", String.class)), row.get("reason", String.class),
                row.get("changed_at", Instant.class));
    }

    private static DatabaseClient.GenericExecuteSpec bindUnit(DatabaseClient.GenericExecuteSpec spec, @Nullable Long unitId) {
        return unitId == null ? spec.bindNull("unit", Long.class) : spec.bind("unit", unitId);
    }
}
