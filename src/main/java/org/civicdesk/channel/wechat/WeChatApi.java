package org.civicdesk.channel.wechat;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * WeChat's server API, non-blocking: the access token (one for all instances, cached in Redis
 * until shortly before it expires) and the customer-service message that carries a reply which
 * could not be made within WeChat's five seconds.
 */
@Component
class WeChatApi {

    private static final Log log = LogFactory.getLog(WeChatApi.class);

    private final WebClient web;
    private final WeChatSettings settings;
    private final ReactiveStringRedisTemplate redis;
    private final String tokenKey;

    WeChatApi(WeChatSettings settings, ReactiveStringRedisTemplate redis, Platform platform) {
        this.web = WebClient.builder().baseUrl(settings.apiBaseUrl()).build();
        this.settings = settings;
        this.redis = redis;
        this.tokenKey = platform.key("wechat", "access-token");
    }

    /** Sends a text to a user through the customer-service message API. */
    Mono<Void> sendText(String openId, String content) {
        return accessToken()
                .flatMap(token -> web.post()
                        .uri(uri -> uri.path("/cgi-bin/message/custom/send").queryParam("access_token", token).build())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("touser", openId, "msgtype", "text", "text", Map.of("content", content)))
                        .retrieve()
                        .bodyToMono(Map.class)
                        .timeout(Duration.ofSeconds(10)))
                .flatMap(answer -> {
                    Object code = answer.get("errcode");
                    if (code instanceof Number n && n.intValue() != 0) {
                        if (n.intValue() == 40001 || n.intValue() == 42001) {
                            // The token was revoked or expired early: forget it so the next call refreshes.
                            return redis.delete(tokenKey).then(Mono.error(new IllegalStateException("access token rejected")));
                        }
                        return Mono.error(new IllegalStateException("WeChat refused the message: " + answer.get("errmsg")));
                    }
                    return Mono.<Void>empty();
                })
                .retryWhen(reactor.util.retry.Retry.backoff(2, Duration.ofMillis(300)))
                .doOnError(ex -> log.warn("Could not send a WeChat customer-service message: " + ex.getMessage()))
                .onErrorResume(ex -> Mono.empty());
    }

    Mono<String> accessToken() {
        return redis.opsForValue().get(tokenKey)
                .onErrorResume(ex -> Mono.empty())
                .switchIfEmpty(Mono.defer(this::fetchToken));
    }

    private Mono<String> fetchToken() {
        if (settings.appId() == null || settings.appSecret() == null) {
            return Mono.error(new IllegalStateException("civicdesk.wechat.app-id and app-secret are not configured"));
        }
        return web.get()
                .uri(uri -> uri.path("/cgi-bin/token").queryParam("grant_type", "client_credential")
                        .queryParam("appid", settings.appId()).queryParam("secret", settings.appSecret()).build())
                .retrieve()
                .bodyToMono(Map.class)
                .timeout(Duration.ofSeconds(10))
                .flatMap(answer -> {
                    Object token = answer.get("access_token");
                    if (!(token instanceof String value)) {
                        return Mono.error(new IllegalStateException("WeChat gave no access token: " + answer.get("errmsg")));
                    }
                    long expires = answer.get("expires_in") instanceof Number n ? n.longValue() : 7200;
                    return redis.opsForValue().set(tokenKey, value, Duration.ofSeconds(Math.max(60, expires - 300)))
                            .onErrorResume(ex -> Mono.just(false))
                            .thenReturn(value);
                });
    }
}
