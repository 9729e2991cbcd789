package org.civicdesk.channel.internal;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Which phone a WeChat user proved, so they are asked only once. */
@Repository
public class PhoneBindings {

    private final DatabaseClient db;

    PhoneBindings(DatabaseClient db) {
        this.db = db;
    }

    public Mono<String> phoneOf(String openId) {
        return db.sql("select phone from channel_wechat_bindings where open_id = :o").bind("o", openId)
                .map(row -> row.get("phone", String.class)).one();
    }

    Mono<Void> bind(String openId, String phone, Instant now) {
        return db.sql("""
                insert into channel_wechat_bindings (open_id, phone, bound_at) values (:o, :p, :now)
                on conflict (open_id) do update set phone = excluded.phone, bound_at = excluded.bound_at""")
                .bind("o", openId).bind("p", phone).bind("now", now).then();
    }
}
