package org.civicdesk.channel.wechat;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeChat official account.
 *
 * @param token          the token set in the account's server configuration; signs every request
 * @param appId          the account's AppID
 * @param appSecret      its AppSecret, for access tokens
 * @param encodingAesKey the 43-character EncodingAESKey, for safe mode
 * @param apiBaseUrl     where WeChat's API is (tests fake it)
 * @param replyWithin    how long a passive reply may take before the answer goes out later
 *                       through the customer-service API instead (WeChat waits 5 s)
 * @param maxClockSkew   how old a signed request's timestamp may be before it counts as a replay
 */
@ConfigurationProperties("civicdesk.wechat")
public record WeChatSettings(
        @Nullable String token,
        @Nullable String appId,
        @Nullable String appSecret,
        @Nullable String encodingAesKey,
        @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
        @DefaultValue("4s") Duration replyWithin,
        @DefaultValue("5m") Duration maxClockSkew) {

    public boolean configured() {
        return token != null && !token.isBlank();
    }
}
