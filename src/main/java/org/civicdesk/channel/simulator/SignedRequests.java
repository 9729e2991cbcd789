package org.civicdesk.channel.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.civicdesk.channel.wechat.WeChatSettings;
import org.civicdesk.channel.wechat.WeChatSignature;
import org.civicdesk.platform.Platform;
import org.civicdesk.sms.TwilioSettings;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs the simulator's requests as Twilio and WeChat would, with this deployment's own tokens
 * (in the embedded default, the generated ones kept in the data directory).
 */
@Component
class SignedRequests {

    private final TwilioSettings twilio;
    private final WeChatSettings wechat;
    private final Platform platform;
    private volatile int port = 8080;

    SignedRequests(TwilioSettings twilio, WeChatSettings wechat, Platform platform) {
        this.twilio = twilio;
        this.wechat = wechat;
        this.platform = platform;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /** A WeChat request's query: signature, timestamp and nonce. */
    record WeChatQuery(String signature, String timestamp, String nonce) {
    }

    String twilio(String path, Map<String, String> form) {
        String base = twilio.publicBaseUrl() != null ? twilio.publicBaseUrl()
                : platform.settings().publicBaseUrl() != null ? platform.settings().publicBaseUrl() : "http://127.0.0.1:" + port;
        StringBuilder data = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base).append(path);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(String.valueOf(twilio.authToken()).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    WeChatQuery wechat(long timestamp) {
        String ts = Long.toString(timestamp);
        String nonce = Long.toString(System.nanoTime(), 36);
        return new WeChatQuery(WeChatSignature.of(String.valueOf(wechat.token()), ts, nonce), ts, nonce);
    }
}
