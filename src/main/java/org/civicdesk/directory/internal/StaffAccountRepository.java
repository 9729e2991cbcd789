package org.civicdesk.directory.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.civicdesk.directory.StaffAccount;
import org.civicdesk.directory.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff accounts in PostgreSQL. */
@Repository
public class StaffAccountRepository {

    private static final String COLUMNS = "id, username, display_name, password_hash, roles, unit_id, enabled";

    private final DatabaseClient db;

    StaffAccountRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<StaffAccount> findByUsername(String username) {
        return db.sql("select " + COLUMNS + " from staff_accounts where username = :u").bind("u", username)
                .map(StaffAccountRepository::row).one();
    }

    public Flux<StaffAccount> findByUnit(long unitId) {
        return db.sql("select " + COLUMNS + " from staff_accounts where unit_id = :u order by id").bind("u", unitId)
                .map(StaffAccountRepository::row).all();
    }

    public Mono<Long> insertIfAbsent(String username, String displayName, String passwordHash, Set<StaffRole> roles,
            @Nullable Long unitId, boolean demo) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into staff_accounts (username, display_name, password_hash, roles, unit_id, demo)
                values (:username, :display, :hash, :roles, :unit, :demo)
                on conflict (username) do nothing""")
                .bind("username", username).bind("display", displayName).bind("hash", passwordHash)
                .bind("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind("demo", demo);
        spec = unitId == null ? spec.bindNull("unit", Long.class) : spec.bind("unit", unitId);
        return spec.fetch().rowsUpdated();
    }

    /** The hash the demo accounts share, if there are any. */
    public Mono<String> demoPasswordHash() {
        return db.sql("select password_hash from staff_accounts where demo order by id limit 1")
                .map(row -> row.get("password_hash", String.class)).one();
    }

    public Mono<Long> setDemoPasswordHash(String hash) {
        return db.sql("update staff_accounts set password_hash = :h where demo").bind("h", hash).fetch().rowsUpdated();
    }

    private static StaffAccount row(Readable row) {
        String[] roles = row.get("roles", String[].class);
        Set<StaffRole> parsed = roles == null ? Set.of()
                : Arrays.stream(roles).map(StaffRole::valueOf).collect(Collectors.toSet());
        return new StaffAccount(row.get("id", Long.class), row.get("username", String.class),
                row.get("display_name", String.class), row.get("password_hash", String.class), parsed,
                row.get("unit_id", Long.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)));
    }
}
