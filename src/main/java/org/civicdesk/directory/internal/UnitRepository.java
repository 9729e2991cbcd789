package org.civicdesk.directory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.DuplicateUnit;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitInUse;
import org.civicdesk.directory.UnitType;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Units and their contacts in PostgreSQL. Callers wrap writes in a transaction. */
@Repository
public class UnitRepository {

    private final DatabaseClient db;

    UnitRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Unit> findAll(@Nullable UnitType type) {
        DatabaseClient.GenericExecuteSpec spec = type == null
                ? db.sql("select id, name, type from units order by type, id")
                : db.sql("select id, name, type from units where type = :type order by id").bind("type", type.name());
        return withContacts(spec.map(UnitRepository::row).all());
    }

    public Flux<Unit> findByIds(Collection<Long> ids) {
        return withContacts(db.sql("select id, name, type from units where id = any(:ids) order by id")
                .bind("ids", ids.toArray(Long[]::new))
                .map(UnitRepository::row)
                .all());
    }

    public Mono<Unit> insert(String name, UnitType type, List<Contact> contacts) {
        return db.sql("insert into units (name, type) values (:name, :type) returning id")
                .bind("name", name).bind("type", type.name())
                .map(row -> row.get("id", Long.class))
                .one()
                .onErrorMap(DataIntegrityViolationException.class, ex -> new DuplicateUnit(name))
                .flatMap(id -> insertContacts(id, contacts).thenReturn(new Unit(id, name, type, contacts)));
    }

    public Mono<Unit> update(long id, String name, UnitType type, List<Contact> contacts) {
        return db.sql("update units set name = :name, type = :type, updated_at = now() where id = :id")
                .bind("name", name).bind("type", type.name()).bind("id", id)
                .fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, ex -> new DuplicateUnit(name))
                .filter(rows -> rows > 0)
                .flatMap(rows -> db.sql("delete from unit_contacts where unit_id = :id").bind("id", id).then()
                        .then(insertContacts(id, contacts))
                        .thenReturn(new Unit(id, name, type, contacts)));
    }

    public Mono<Boolean> delete(long id) {
        return db.sql("select count(*) as n from staff_accounts where unit_id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .flatMap(accounts -> accounts != null && accounts > 0
                        ? Mono.error(new UnitInUse(id))
                        : db.sql("delete from units where id = :id").bind("id", id).fetch().rowsUpdated())
                .map(rows -> rows > 0);
    }

    private Mono<Void> insertContacts(long unitId, List<Contact> contacts) {
        return Flux.range(0, contacts.size())
                .concatMap(i -> db.sql("insert into unit_contacts (unit_id, position, name, phone) values (:unit, :pos, :name, :phone)")
                        .bind("unit", unitId).bind("pos", i)
                        .bind("name", contacts.get(i).name()).bind("phone", contacts.get(i).phone())
                        .then())
                .then();
    }

    private Flux<Unit> withContacts(Flux<Unit> units) {
        return units.collectList().flatMapMany(list -> {
            if (list.isEmpty()) {
                return Flux.empty();
            }
            Long[] ids = list.stream().map(Unit::id).toArray(Long[]::new);
            return db.sql("select unit_id, name, phone from unit_contacts where unit_id = any(:ids) order by unit_id, position")
                    .bind("ids", ids)
                    .map(row -> Map.entry(row.get("unit_id", Long.class), new Contact(row.get("name", String.class), row.get("phone", String.class))))
                    .all()
                    .collectList()
                    .flatMapMany(contacts -> {
                        Map<Long, List<Contact>> byUnit = new LinkedHashMap<>();
                        contacts.forEach(e -> byUnit.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                        return Flux.fromIterable(list)
                                .map(u -> new Unit(u.id(), u.name(), u.type(), byUnit.getOrDefault(u.id(), List.of())));
                    });
        });
    }

    private static Unit row(Readable row) {
        return new Unit(row.get("id", Long.class), row.get("name", String.class),
                UnitType.valueOf(row.get("type", String.class)), List.of());
    }
}
