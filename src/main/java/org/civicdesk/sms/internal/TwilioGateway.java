package org.civicdesk.sms.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.message.BasicHeader;
import org.civicdesk.sms.SmsStatus;
import org.civicdesk.sms.TwilioSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Twilio REST API through the official SDK. Every method here blocks (the SDK uses Apache
 * HttpClient 5): callers run them on the dispatcher's bounded scheduler, never on an event loop.
 */
@Component
class TwilioGateway {

    private final TwilioSettings settings;
    private final @Nullable TwilioRestClient client;

    TwilioGateway(TwilioSettings settings) {
        this.settings = settings;
        this.client = settings.configured()
                ? new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                        .accountSid(settings.accountSid())
                        .httpClient(new BaseUrlHttpClient(settings.apiBaseUrl(), new NetworkHttpClient(httpClient())))
                        .build()
                : null;
    }

    /**
     * Apache HttpClient as the SDK builds it, but with its automatic retries off: a 429 or 503 is
     * retried by the outbox, with backoff and pacing, and counted.
     */
    private static HttpClientBuilder httpClient() {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(com.twilio.http.HttpClient.DEFAULT_SOCKET_CONFIG);
        connections.setDefaultMaxPerRoute(32);
        connections.setMaxTotal(64);
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(com.twilio.http.HttpClient.DEFAULT_REQUEST_CONFIG)
                .setDefaultHeaders(List.of(new BasicHeader("X-Twilio-Client", "java-13.0.1"),
                        new BasicHeader("Accept-Encoding", "utf-8")))
                .disableAutomaticRetries();
    }

    boolean configured() {
        return client != null;
    }

    /** What Twilio answered to a create: its SID and first status. */
    record Sent(String sid, SmsStatus status) {
    }

    /** Blocking: hands one message to Twilio. Throws {@link ApiException} when Twilio refuses it. */
    Sent send(String to, String body, @Nullable String statusCallback) {
        TwilioRestClient twilio = require();
        MessageCreator creator = settings.messagingServiceSid() != null && !settings.messagingServiceSid().isBlank()
                ? Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(settings.fromNumber()), body);
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback);
        }
        Message message = creator.create(twilio);
        return new Sent(message.getSid(), message.getStatus() == null ? SmsStatus.QUEUED
                : SmsStatus.fromTwilio(message.getStatus().toString()));
    }

    /**
     * Blocking: finds a message Twilio already has for this recipient and body, created since
     * {@code since}, so that a message whose sender died mid-call is not sent a second time.
     */
    Optional<Sent> findSent(String to, String body, Instant since) {
        TwilioRestClient twilio = require();
        for (Message message : Message.reader().setTo(new PhoneNumber(to)).setPageSize(50L).read(twilio)) {
            boolean recent = message.getDateCreated() == null || !message.getDateCreated().toInstant().isBefore(since.minusSeconds(5));
            if (recent && body.equals(message.getBody())) {
                return Optional.of(new Sent(message.getSid(), message.getStatus() == null ? SmsStatus.QUEUED
                        : SmsStatus.fromTwilio(message.getStatus().toString())));
            }
            if (!recent) {
                break;
            }
        }
        return Optional.empty();
    }

    private TwilioRestClient require() {
        if (client == null) {
            throw new IllegalStateException("Twilio is not configured");
        }
        return client;
    }
}
