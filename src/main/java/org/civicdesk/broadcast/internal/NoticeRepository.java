package org.civicdesk.broadcast.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.civicdesk.broadcast.Audience;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeDraft;
import org.civicdesk.broadcast.NoticeKind;
import org.civicdesk.broadcast.Severity;
import org.civicdesk.directory.UnitType;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notices in PostgreSQL. Callers wrap writes in a transaction. */
@Repository
public class NoticeRepository {

    private static final String COLUMNS = """
            id, kind, title, body, severity, audience_all, audience_unit_types, audience_unit_ids, requires_ack,
            ack_deadline_minutes, ack_deadline_at, public, risk_level, guideline_title, guideline_procedures, issued_by,
            issued_at""";

    private final DatabaseClient db;

    NoticeRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a notice; emits it as stored (with its number), without reading it back. */
    Mono<Notice> insert(NoticeDraft draft, String by, Instant at, @Nullable Instant deadline) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into notices (kind, title, body, severity, audience_all, audience_unit_types, audience_unit_ids,
                                     requires_ack, ack_deadline_minutes, ack_deadline_at, public, risk_level, guideline_title,
                                     guideline_procedures, source_key, issued_by, issued_at)
                values (:kind, :title, :body, :severity, :all, :types, :ids, :ack, :minutes, :deadline, :public, :level,
                        :gtitle, :gprocedures, :source, :by, :at)
                returning\s""" + COLUMNS)
                .bind("kind", draft.kind().name()).bind("title", draft.title()).bind("body", draft.body())
                .bind("severity", draft.severity().name()).bind("all", draft.audience().all())
                .bind("types", draft.audience().unitTypes().stream().map(Enum::name).toArray(String[]::new))
                .bind("ids", draft.audience().unitIds().toArray(Long[]::new))
                .bind("ack", draft.requiresAck()).bind("public", draft.isPublic()).bind("by", by).bind("at", at);
        spec = bind(spec, "minutes", draft.ackDeadlineMinutes(), Integer.class);
        spec = bind(spec, "deadline", deadline, Instant.class);
        spec = bind(spec, "level", draft.riskLevel() == null ? null : draft.riskLevel().name(), String.class);
        Guideline guideline = draft.guideline();
        spec = bind(spec, "gtitle", guideline == null ? null : guideline.title(), String.class);
        spec = bind(spec, "gprocedures", guideline == null ? null : guideline.procedures().toArray(String[]::new), String[].class);
        spec = bind(spec, "source", draft.sourceKey(), String.class);
        return spec.map(NoticeRepository::notice).one();
    }

    /** Marks a source (a risk change) as turned into notices; false if it already was. */
    Mono<Boolean> claimSource(String key, Instant at) {
        return db.sql("insert into risk_level_notices (change_key, issued_at) values (:k, :at) on conflict do nothing")
                .bind("k", key).bind("at", at)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    Mono<Boolean> sourceClaimed(String key) {
        return db.sql("select exists(select 1 from risk_level_notices where change_key = :k) as claimed").bind("k", key)
                .map(row -> Boolean.TRUE.equals(row.get("claimed", Boolean.class))).one();
    }

    public Mono<Notice> find(long id) {
        return db.sql("select " + COLUMNS + " from notices where id = :id").bind("id", id).map(NoticeRepository::notice).one();
    }

    Flux<Notice> findAll(List<Long> ids) {
        return db.sql("select " + COLUMNS + " from notices where id = any(:ids) order by id").bind("ids", ids.toArray(Long[]::new))
                .map(NoticeRepository::notice).all();
    }

    /** The newest notices, before a notice number if given. */
    public Flux<Notice> recent(int limit, @Nullable Long before, boolean publicOnly) {
        return db.sql("select " + COLUMNS + " from notices where id < :before" + (publicOnly ? " and public" : "")
                        + " order by id desc limit :n")
                .bind("before", before == null ? Long.MAX_VALUE : before).bind("n", limit)
                .map(NoticeRepository::notice).all();
    }

    static Notice notice(Readable row) {
        String[] types = row.get("audience_unit_types", String[].class);
        Long[] ids = row.get("audience_unit_ids", Long[].class);
        Audience audience = new Audience(Boolean.TRUE.equals(row.get("audience_all", Boolean.class)),
                types == null ? List.of() : Arrays.stream(types).map(UnitType::valueOf).toList(),
                ids == null ? List.of() : Arrays.asList(ids));
        String level = row.get("risk_level", String.class);
        String guidelineTitle = row.get("guideline_title", String.class);
        String[] procedures = row.get("guideline_procedures", String[].class);
        return new Notice(row.get("id", Long.class), NoticeKind.valueOf(row.get("kind", String.class)),
                row.get("title", String.class), row.get("body", String.class),
                Severity.valueOf(row.get("severity", String.class)), audience,
                Boolean.TRUE.equals(row.get("requires_ack", Boolean.class)), row.get("ack_deadline_minutes", Integer.class),
                row.get("ack_deadline_at", Instant.class), Boolean.TRUE.equals(row.get("public", Boolean.class)),
                level == null ? null : RiskLevel.valueOf(level),
                guidelineTitle == null ? null : new Guideline(guidelineTitle, procedures == null ? List.of() : Arrays.asList(procedures)),
                row.get("issued_by", String.class), row.get("issued_at", Instant.class));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
