package org.civicdesk.channel.internal;

import java.time.Duration;

import org.civicdesk.platform.Platform;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in Redis, shared by every instance, each expiring after a quiet spell: a caller
 * who hangs up or a texter who wanders off starts afresh next time.
 */
@Component
class ConversationStore {

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Platform platform;
    private final Duration ttl;

    ConversationStore(ReactiveStringRedisTemplate redis, JsonMapper json, Platform platform, ChannelSettings settings) {
        this.redis = redis;
        this.json = json;
        this.platform = platform;
        this.ttl = settings.conversationTtl();
    }

    Mono<Conversation> load(ChannelKind kind, String id) {
        return redis.opsForValue().get(key(kind, id))
                .map(value -> json.readValue(value, Conversation.class))
                .defaultIfEmpty(new Conversation());
    }

    Mono<Void> save(ChannelKind kind, String id, Conversation conversation) {
        if (conversation.step == Conversation.Step.IDLE && conversation.bindPhone == null) {
            return redis.delete(key(kind, id)).then();
        }
        return redis.opsForValue().set(key(kind, id), json.writeValueAsString(conversation), ttl).then();
    }

    private String key(ChannelKind kind, String id) {
        return platform.key("conversation", kind.name().toLowerCase(java.util.Locale.ROOT), id);
    }
}
