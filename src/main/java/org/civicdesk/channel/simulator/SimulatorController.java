package org.civicdesk.channel.simulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.civicdesk.platform.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The channel simulator's back end, in the embedded default only: it plays Twilio and WeChat,
 * sending this service's own webhooks real, correctly signed requests over loopback (with the
 * tokens the embedded default generated), so anyone can try booking by phone, SMS and WeChat
 * without an account. Refused with 404 in external mode.
 */
@RestController
@RequestMapping("/api/v1/simulator")
@Tag(name = "Channel simulator", description = "Embedded default only: drive the SMS, voice and WeChat webhooks")
class SimulatorController {

    /** The number the simulated phones call and text (a Twilio number in real life). */
    static final String TWILIO_NUMBER = "+10000000000";
    /** The official account the simulated followers write to. */
    static final String WECHAT_ACCOUNT = "gh_civicdesk_demo";

    private static final Pattern MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);
    private static final Pattern SAY = Pattern.compile("<Say[^>]*>(.*?)</Say>", Pattern.DOTALL);
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

    private final Platform platform;
    private final SignedRequests signer;
    private final Clock clock;
    private volatile WebClient self = WebClient.create("http://127.0.0.1:8080");

    SimulatorController(Platform platform, SignedRequests signer, Clock clock) {
        this.platform = platform;
        this.signer = signer;
        this.clock = clock;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        self = WebClient.create("http://127.0.0.1:" + event.getWebServer().getPort());
    }

    @GetMapping
    @Operation(summary = "Whether the simulator is here (embedded default; 404 otherwise) and whom it plays",
            description = "The web client shows its simulator page only when this answers.")
    Map<String, Object> about() {
        embeddedOnly();
        return Map.of("twilioNumber", TWILIO_NUMBER, "wechatAccount", WECHAT_ACCOUNT);
    }

    @PostMapping("/sms")
    @Operation(summary = "Send a text from a phone to the SMS webhook, as Twilio would; returns the reply")
    Mono<Map<String, Object>> sms(@Valid @RequestBody TextRequest request) {
        embeddedOnly();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SMsim" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", request.from());
        form.put("To", TWILIO_NUMBER);
        form.put("Body", request.text());
        form.put("NumMedia", "0");
        return twilio("/channels/twilio/sms", form)
                .map(twiml -> Map.of("reply", unescape(first(MESSAGE, twiml)), "twiml", twiml));
    }

    @PostMapping("/voice")
    @Operation(summary = "One step of a call to the voice webhook, as Twilio would: keys pressed or words said")
    Mono<Map<String, Object>> voice(@Valid @RequestBody CallRequest request) {
        embeddedOnly();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", request.callSid());
        form.put("From", request.from());
        form.put("To", TWILIO_NUMBER);
        form.put("CallStatus", "in-progress");
        if (request.digits() != null && !request.digits().isEmpty()) {
            form.put("Digits", request.digits());
        }
        if (request.speech() != null && !request.speech().isEmpty()) {
            form.put("SpeechResult", request.speech());
            form.put("Confidence", "0.9");
        }
        return twilio("/channels/twilio/voice", form).map(twiml -> {
            StringBuilder said = new StringBuilder();
            Matcher matcher = SAY.matcher(twiml);
            while (matcher.find()) {
                said.append(unescape(matcher.group(1)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("say", said.toString());
            out.put("ended", twiml.contains("<Hangup"));
            out.put("dial", twiml.contains("<Dial"));
            out.put("speech", twiml.contains("input=\"speech"));
            out.put("twiml", twiml);
            return out;
        });
    }

    @PostMapping("/wechat")
    @Operation(summary = "Send a chat message (or subscribe) from a follower to the WeChat webhook; returns the reply")
    Mono<Map<String, Object>> wechat(@Valid @RequestBody ChatRequest request) {
        embeddedOnly();
        long now = clock.instant().getEpochSecond();
        String xml = request.subscribe() != null && request.subscribe()
                ? "<xml><ToUserName><![CDATA[" + WECHAT_ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + request.openId()
                        + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                        + "<Event><![CDATA[subscribe]]></Event></xml>"
                : "<xml><ToUserName><![CDATA[" + WECHAT_ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + request.openId()
                        + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                        + (request.text() == null ? "" : request.text()) + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        SignedRequests.WeChatQuery query = signer.wechat(now);
        return self.post()
                .uri(uri -> uri.path("/channels/wechat").queryParam("signature", query.signature())
                        .queryParam("timestamp", query.timestamp()).queryParam("nonce", query.nonce())
                        .queryParam("openid", request.openId()).build())
                .contentType(MediaType.TEXT_XML)
                .bodyValue(xml)
                .retrieve()
                .bodyToMono(String.class)
                .map(reply -> Map.of("reply", "success".equals(reply) ? "" : first(CONTENT, reply), "xml", reply));
    }

    private Mono<String> twilio(String path, Map<String, String> form) {
        org.springframework.util.LinkedMultiValueMap<String, String> body = new org.springframework.util.LinkedMultiValueMap<>();
        form.forEach(body::add);
        return self.post().uri(path)
                .header("X-Twilio-Signature", signer.twilio(path, form))
                .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(body))
                .retrieve()
                .bodyToMono(String.class);
    }

    private void embeddedOnly() {
        if (!platform.embedded()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The simulator exists only in the embedded default");
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    record TextRequest(@NotBlank @Size(max = 30) String from, @NotBlank @Size(max = 1600) String text) {
    }

    record CallRequest(@NotBlank @Size(max = 64) String callSid, @NotBlank @Size(max = 30) String from,
            @Nullable @Size(max = 40) String digits, @Nullable @Size(max = 200) String speech) {
    }

    record ChatRequest(@NotBlank @Size(max = 64) String openId, @Nullable @Size(max = 1000) String text,
            @Nullable Boolean subscribe) {
    }
}
