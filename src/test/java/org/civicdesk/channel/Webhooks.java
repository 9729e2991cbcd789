package org.civicdesk.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.civicdesk.support.FakeTwilio;
import org.civicdesk.support.FakeWeChat;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Drives the webhooks the way Twilio and WeChat do: form posts signed with HMAC-SHA1 over the URL
 * and sorted parameters, WeChat XML signed with SHA-1 of the sorted token, timestamp and nonce,
 * and safe mode encrypted with AES-CBC — written here from the specifications, not with the
 * service's own code.
 */
final class Webhooks {

    private final WebTestClient web;
    private final String baseUrl;

    Webhooks(WebTestClient web, int port) {
        this.web = web;
        this.baseUrl = "http://localhost:" + port;
    }

    // --- Twilio ---

    WebTestClient.ResponseSpec twilio(String path, Map<String, String> params) {
        return twilio(path, params, sign(baseUrl + path, params, FakeTwilio.AUTH_TOKEN));
    }

    WebTestClient.ResponseSpec twilio(String path, Map<String, String> params, String signature) {
        return twilio(path, params, signature, UUID.randomUUID().toString());
    }

    /** As Twilio sends it: each delivery with its idempotency token (a retry repeats the token). */
    WebTestClient.ResponseSpec twilio(String path, Map<String, String> params, String signature, String idempotencyToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        return web.post().uri(path).header("X-Twilio-Signature", signature)
                .header("I-Twilio-Idempotency-Token", idempotencyToken)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    /** An SMS from a phone; returns the TwiML answer's message text. */
    String sms(String from, String body) {
        return messageText(twilio("/channels/twilio/sms", Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", from, "To", FakeTwilio.FROM, "Body", body, "NumMedia", "0"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** One step of a call: the keys pressed or words said (both null: nothing came). */
    String voice(String callSid, String from, String digits, String speech) {
        return voice(callSid, from, digits, speech, UUID.randomUUID().toString());
    }

    String voice(String callSid, String from, String digits, String speech, String idempotencyToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("From", from);
        params.put("To", FakeTwilio.FROM);
        params.put("CallStatus", "in-progress");
        if (digits != null) {
            params.put("Digits", digits);
        }
        if (speech != null) {
            params.put("SpeechResult", speech);
            params.put("Confidence", "0.92");
        }
        return twilio("/channels/twilio/voice", params, sign(baseUrl + "/channels/twilio/voice", params, FakeTwilio.AUTH_TOKEN),
                idempotencyToken).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    static String sign(String url, Map<String, String> params, String token) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String messageText(String twiml) {
        Matcher matcher = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL).matcher(twiml);
        return matcher.find() ? unescape(matcher.group(1)) : "";
    }

    static String spoken(String twiml) {
        Matcher matcher = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL).matcher(twiml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            out.append(unescape(matcher.group(1)));
        }
        return out.toString();
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    // --- WeChat ---

    static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String textXml(String openId, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_civicdesk]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String eventXml(String openId, String event) {
        return "<xml><ToUserName><![CDATA[gh_civicdesk]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event></xml>";
    }

    WebTestClient.ResponseSpec wechat(String xml, long timestamp) {
        String nonce = Long.toString(System.nanoTime(), 36);
        String ts = Long.toString(timestamp);
        return web.post().uri(uri -> uri.path("/channels/wechat").queryParam("signature", sha1(FakeWeChat.TOKEN, ts, nonce))
                        .queryParam("timestamp", ts).queryParam("nonce", nonce).queryParam("openid", "o").build())
                .contentType(MediaType.TEXT_XML).bodyValue(xml).exchange();
    }

    /** A plain-mode message; returns the passive reply's text (or "success"). */
    String wechatText(String openId, String content) {
        String reply = wechat(textXml(openId, content, System.nanoTime()), Instant.now().getEpochSecond())
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return content(reply);
    }

    WebTestClient.ResponseSpec wechatEncrypted(String innerXml) {
        String nonce = Long.toString(System.nanoTime(), 36);
        String ts = Long.toString(Instant.now().getEpochSecond());
        String encrypted = encrypt(innerXml);
        String envelope = "<xml><ToUserName><![CDATA[gh_civicdesk]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        return web.post().uri(uri -> uri.path("/channels/wechat").queryParam("signature", sha1(FakeWeChat.TOKEN, ts, nonce))
                        .queryParam("timestamp", ts).queryParam("nonce", nonce).queryParam("encrypt_type", "aes")
                        .queryParam("msg_signature", sha1(FakeWeChat.TOKEN, ts, nonce, encrypted)).build())
                .contentType(MediaType.TEXT_XML).bodyValue(envelope).exchange();
    }

    static String content(String replyXml) {
        Matcher matcher = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL).matcher(replyXml);
        return matcher.find() ? matcher.group(1) : replyXml;
    }

    static String field(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL).matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String encrypt(String message) {
        byte[] key = Base64.getDecoder().decode(FakeWeChat.ENCODING_AES_KEY + "=");
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = FakeWeChat.APP_ID.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(20 + body.length + app.length);
        plain.put(new byte[16]).putInt(body.length).put(body).put(app);
        int pad = 32 - plain.capacity() % 32;
        byte[] padded = Arrays.copyOf(plain.array(), plain.capacity() + pad);
        Arrays.fill(padded, plain.capacity(), padded.length, (byte) pad);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(padded));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String decrypt(String encrypted) {
        byte[] key = Base64.getDecoder().decode(FakeWeChat.ENCODING_AES_KEY + "=");
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
            int pad = plain[plain.length - 1];
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            String appId = new String(plain, 20 + length, plain.length - pad - 20 - length, StandardCharsets.UTF_8);
            if (!appId.equals(FakeWeChat.APP_ID)) {
                throw new IllegalStateException("reply for another app: " + appId);
            }
            return new String(plain, 20, length, StandardCharsets.UTF_8);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
