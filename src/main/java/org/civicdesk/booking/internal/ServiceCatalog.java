package org.civicdesk.booking.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.booking.ServiceInfo;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.ServiceCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The services citizens book, as seeded by the migration, and the office each is given at: the
 * directory's marriage registry or funeral home once there is one (its risk level then applies),
 * the seeded office name until then. Kept in memory; the offices are looked up again now and then.
 */
@Component
class ServiceCatalog {

    /** Marriage registration names two parties; funeral services an applicant and the deceased. */
    enum Kind {
        MARRIAGE, FUNERAL
    }

    /** A service as the booking module knows it. */
    record Definition(ServiceCode code, Kind kind, String name, String nameEn, String officeName, UnitType officeType) {
    }

    private final DatabaseClient db;
    private final Units units;
    private final Quotas quotas;
    private final Mono<Map<ServiceCode, Definition>> definitions;
    private final Map<ServiceCode, ServiceInfo.Office> offices = new ConcurrentHashMap<>();

    ServiceCatalog(DatabaseClient db, Units units, Quotas quotas) {
        this.db = db;
        this.units = units;
        this.quotas = quotas;
        this.definitions = load().cache(value -> Duration.ofDays(3650), ex -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Definition> get(ServiceCode code) {
        return definitions.map(all -> Objects.requireNonNull(all.get(code), code::name));
    }

    Mono<List<Definition>> all() {
        return definitions.map(all -> all.values().stream().toList());
    }

    /** Where the service is given, as last looked up. */
    ServiceInfo.Office office(Definition definition) {
        return offices.getOrDefault(definition.code(), new ServiceInfo.Office(definition.officeName(), null));
    }

    /** Looks the offices up in the directory and tells quota whose risk level applies to each service. */
    Mono<Void> syncOffices() {
        return all().flatMapMany(Flux::fromIterable)
                .concatMap(definition -> units.findByType(definition.officeType())
                        .sort(Comparator.comparing(Unit::id))
                        .next()
                        .map(unit -> new ServiceInfo.Office(unit.name(), unit.id()))
                        .defaultIfEmpty(new ServiceInfo.Office(definition.officeName(), null))
                        .flatMap(office -> {
                            offices.put(definition.code(), office);
                            return quotas.assignOffice(definition.code(), office.unitId());
                        }))
                .then();
    }

    private Mono<Map<ServiceCode, Definition>> load() {
        return db.sql("select code, kind, name_zh, name_en, office_name, office_unit_type from booking_services order by position")
                .map(row -> new Definition(ServiceCode.valueOf(row.get("code", String.class)),
                        Kind.valueOf(row.get("kind", String.class)), row.get("name_zh", String.class),
                        row.get("name_en", String.class), row.get("office_name", String.class),
                        UnitType.valueOf(row.get("office_unit_type", String.class))))
                .all()
                .collectMap(Definition::code, d -> d, () -> new EnumMap<>(ServiceCode.class))
                .map(java.util.Collections::unmodifiableMap);
    }
}
