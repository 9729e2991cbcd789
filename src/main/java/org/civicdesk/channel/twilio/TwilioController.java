package org.civicdesk.channel.twilio;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.channel.internal.ChannelKind;
import org.civicdesk.channel.internal.Conversations;
import org.civicdesk.channel.internal.ForgedRequest;
import org.civicdesk.channel.internal.Reply;
import org.civicdesk.channel.internal.WebhookReplays;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.sms.Sms;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Twilio's webhooks: inbound SMS and voice calls become conversations (answered with TwiML), and
 * delivery statuses are recorded. Every request must carry a valid Twilio signature: anything
 * unsigned or forged is refused with 403 and has no effect. Retried or replayed deliveries of one
 * message take effect once.
 */
@RestController
@Tag(name = "Twilio webhooks", description = "Inbound SMS, voice calls (IVR) and SMS delivery statuses")
class TwilioController {

    private final TwilioSignatures signatures;
    private final Conversations conversations;
    private final WebhookReplays replays;
    private final Twiml twiml;
    private final Sms sms;

    TwilioController(TwilioSignatures signatures, Conversations conversations, WebhookReplays replays, Twiml twiml, Sms sms) {
        this.signatures = signatures;
        this.conversations = conversations;
        this.replays = replays;
        this.twiml = twiml;
        this.sms = sms;
    }

    @PostMapping(path = "/channels/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "An SMS a citizen sent to our number (Twilio webhook), answered with TwiML")
    Mono<ResponseEntity<String>> sms(ServerWebExchange exchange) {
        return signed(exchange).flatMap(form -> {
            String sid = form.getFirst("MessageSid");
            String from = phone(form.getFirst("From"));
            if (sid == null || from == null) {
                return Mono.just(xml(twiml.message("无法识别您的号码。")));
            }
            String body = form.getFirst("Body") == null ? "" : form.getFirst("Body");
            return replays.once("twilio-sms:" + sid, Duration.ofDays(2),
                            () -> conversations.handle(ChannelKind.SMS, from, from, body).map(reply -> twiml.message(reply.text())),
                            twiml.empty())
                    .map(TwilioController::xml);
        });
    }

    @PostMapping(path = "/channels/twilio/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "A delivery status of one of our messages (Twilio status callback)")
    Mono<ResponseEntity<Void>> status(ServerWebExchange exchange) {
        return signed(exchange).flatMap(form -> {
            String sid = form.getFirst("MessageSid");
            String status = form.getFirst("MessageStatus");
            if (sid == null || status == null) {
                return Mono.just(ResponseEntity.<Void>badRequest().build());
            }
            return sms.recordStatus(sid, status, number(form.getFirst("ErrorCode")))
                    .thenReturn(ResponseEntity.<Void>noContent().build());
        });
    }

    @PostMapping(path = Twiml.VOICE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "A call to our number and each of its keypresses (Twilio voice webhook), answered with TwiML")
    Mono<ResponseEntity<String>> voice(ServerWebExchange exchange) {
        return signed(exchange).flatMap(form -> {
            String callSid = form.getFirst("CallSid");
            if (callSid == null) {
                return Mono.just(xml(twiml.voice(Reply.end("无法识别此次通话。"))));
            }
            String from = phone(form.getFirst("From"));
            String input = form.getFirst("Digits") != null ? form.getFirst("Digits")
                    : form.getFirst("SpeechResult") != null ? form.getFirst("SpeechResult") : "";
            // Twilio marks each webhook delivery with an idempotency token; a retry or replay of one
            // carries the same token and gets the first answer without pressing the key again.
            String token = exchange.getRequest().getHeaders().getFirst("I-Twilio-Idempotency-Token");
            Mono<String> answer = token == null
                    ? conversations.handle(ChannelKind.VOICE, callSid, from, input).map(twiml::voice)
                    : replays.once("twilio-voice:" + callSid + ":" + token, Duration.ofHours(2),
                            () -> conversations.handle(ChannelKind.VOICE, callSid, from, input).map(twiml::voice),
                            twiml.voice(Reply.say("请稍候。")));
            return answer.map(TwilioController::xml);
        });
    }

    private Mono<MultiValueMap<String, String>> signed(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> signatures.valid(exchange.getRequest(), form)
                ? Mono.just(form)
                : Mono.error(new ForgedRequest()));
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(body);
    }

    private static @Nullable String phone(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return PhoneNumbers.normalize(raw, "From");
        }
        catch (DomainFailure ex) {
            return null;
        }
    }

    private static @Nullable Integer number(@Nullable String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
