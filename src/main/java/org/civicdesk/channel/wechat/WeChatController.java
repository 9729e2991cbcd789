package org.civicdesk.channel.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.channel.internal.ChannelKind;
import org.civicdesk.channel.internal.Conversations;
import org.civicdesk.channel.internal.ForgedRequest;
import org.civicdesk.channel.internal.PhoneBindings;
import org.civicdesk.channel.internal.Reply;
import org.civicdesk.channel.internal.WebhookReplays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The WeChat official account's message server: URL verification, then text messages and
 * subscribe events, plain or in safe mode (AES). Every request is checked against its signature
 * and timestamp; each message takes effect once (by MsgId, across instances); a reply that takes
 * longer than WeChat waits goes out later through the customer-service API.
 */
@RestController
@RequestMapping("/channels/wechat")
@Tag(name = "WeChat webhook", description = "The official account's message server")
class WeChatController {

    private static final String SUCCESS = "success";

    private final WeChatSettings settings;
    private final WeChatXml xml;
    private final WeChatApi api;
    private final Conversations conversations;
    private final PhoneBindings bindings;
    private final WebhookReplays replays;
    private final Clock clock;
    private final @Nullable WeChatCrypto crypto;

    WeChatController(WeChatSettings settings, WeChatXml xml, WeChatApi api, Conversations conversations,
            PhoneBindings bindings, WebhookReplays replays, Clock clock) {
        this.settings = settings;
        this.xml = xml;
        this.api = api;
        this.conversations = conversations;
        this.bindings = bindings;
        this.replays = replays;
        this.clock = clock;
        this.crypto = settings.encodingAesKey() != null && settings.appId() != null
                ? new WeChatCrypto(settings.encodingAesKey(), settings.appId()) : null;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "WeChat's server URL check: echoes echostr when the signature is right")
    Mono<String> verify(@RequestParam String signature, @RequestParam String timestamp, @RequestParam String nonce,
            @RequestParam String echostr) {
        checkSignature(signature, timestamp, nonce);
        return Mono.just(echostr);
    }

    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "A message or event from a follower of the official account, answered with a passive reply")
    Mono<ResponseEntity<String>> receive(@RequestParam String signature, @RequestParam String timestamp,
            @RequestParam String nonce, @RequestParam(name = "encrypt_type", required = false) @Nullable String encryptType,
            @RequestParam(name = "msg_signature", required = false) @Nullable String msgSignature,
            @RequestBody String body) {
        checkSignature(signature, timestamp, nonce);
        boolean aes = "aes".equalsIgnoreCase(encryptType);
        Map<String, String> message = aes ? decrypt(body, timestamp, nonce, msgSignature) : xml.parse(body);
        String user = message.getOrDefault("FromUserName", "");
        String account = message.getOrDefault("ToUserName", "");
        String type = message.getOrDefault("MsgType", "");
        String key = message.containsKey("MsgId") ? "wechat:" + message.get("MsgId")
                : "wechat:" + user + ":" + message.getOrDefault("CreateTime", "");
        Mono<String> answer = replays.once(key, Duration.ofHours(1), () -> respond(user, account, type, message, aes), SUCCESS);
        return answer.map(text -> ResponseEntity.ok().contentType(SUCCESS.equals(text) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_XML)
                .body(text));
    }

    private Mono<String> respond(String user, String account, String type, Map<String, String> message, boolean aes) {
        if (user.isEmpty()) {
            return Mono.just(SUCCESS);
        }
        if ("event".equals(type)) {
            String event = message.getOrDefault("Event", "");
            return Mono.just("subscribe".equals(event) ? reply(user, account, Conversations.welcome(), aes) : SUCCESS);
        }
        if (!"text".equals(type)) {
            return Mono.just(reply(user, account, "目前只能处理文字消息，回复“帮助”查看可用的指令。", aes));
        }
        String content = message.getOrDefault("Content", "");
        Sinks.One<Reply> result = Sinks.one();
        bindings.phoneOf(user).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(phone -> conversations.handle(ChannelKind.WECHAT, user, phone.orElse(null), content))
                .subscribe(result::tryEmitValue, result::tryEmitError);
        return result.asMono()
                .map(r -> reply(user, account, r.text(), aes))
                .timeout(settings.replyWithin(), Mono.fromSupplier(() -> {
                    // Too slow for a passive reply: answer "success" now and send the reply when it is ready.
                    result.asMono().flatMap(r -> api.sendText(user, r.text())).subscribe();
                    return SUCCESS;
                }));
    }

    private String reply(String user, String account, String text, boolean aes) {
        long now = clock.instant().getEpochSecond();
        String plain = WeChatXml.text(user, account, now, text);
        if (!aes || crypto == null) {
            return plain;
        }
        String encrypted = crypto.encrypt(plain);
        String nonce = Long.toString(Math.abs(java.util.concurrent.ThreadLocalRandom.current().nextLong()), 36);
        String timestamp = Long.toString(now);
        return WeChatXml.encrypted(encrypted, WeChatSignature.of(settings.token(), timestamp, nonce, encrypted), timestamp, nonce);
    }

    private Map<String, String> decrypt(String body, String timestamp, String nonce, @Nullable String msgSignature) {
        if (crypto == null || msgSignature == null) {
            throw new ForgedRequest();
        }
        String encrypted = xml.parse(body).get("Encrypt");
        if (encrypted == null || !WeChatSignature.matches(WeChatSignature.of(settings.token(), timestamp, nonce, encrypted), msgSignature)) {
            throw new ForgedRequest();
        }
        try {
            return xml.parse(crypto.decrypt(encrypted));
        }
        catch (IllegalArgumentException ex) {
            throw new ForgedRequest();
        }
    }

    private void checkSignature(String signature, String timestamp, String nonce) {
        if (!settings.configured()) {
            throw new ForgedRequest();
        }
        if (!WeChatSignature.matches(WeChatSignature.of(settings.token(), timestamp, nonce), signature)) {
            throw new ForgedRequest();
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        }
        catch (NumberFormatException ex) {
            throw new ForgedRequest();
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > settings.maxClockSkew().toSeconds()) {
            throw new ForgedRequest();
        }
    }
}
