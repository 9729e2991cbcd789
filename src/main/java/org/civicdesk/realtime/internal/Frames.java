package org.civicdesk.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * The frames the server writes, encoded by spring-messaging's {@link StompEncoder} (which escapes
 * header values). A MESSAGE for a topic is encoded once, without its first line and its
 * {@code subscription} header: each subscriber's copy is that subscription's own short prefix
 * followed by the same shared bytes.
 */
@Component
class Frames {

    private static final byte[] MESSAGE_LINE = "MESSAGE\n".getBytes(StandardCharsets.UTF_8);

    private final StompEncoder encoder = new StompEncoder();

    byte[] encode(StompCommand command, Map<String, String> headers, byte[] body) {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(command);
        headers.forEach(accessor::setNativeHeader);
        return encoder.encode(accessor.getMessageHeaders(), body);
    }

    byte[] connected(String version, String heartBeat, String session, @Nullable String user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("version", version);
        headers.put("heart-beat", heartBeat);
        headers.put("session", session);
        headers.put("server", "CivicDesk/1.0");
        if (user != null) {
            headers.put("user-name", user);
        }
        return encode(StompCommand.CONNECTED, headers, new byte[0]);
    }

    byte[] receipt(String receiptId) {
        return encode(StompCommand.RECEIPT, Map.of("receipt-id", receiptId), new byte[0]);
    }

    /** An ERROR frame: a short {@code message} header and the details in the body. */
    byte[] error(String message, @Nullable String receiptId, @Nullable String version, String detail) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("message", message);
        if (receiptId != null) {
            headers.put("receipt-id", receiptId);
        }
        if (version != null) {
            headers.put("version", version);
        }
        headers.put("content-type", "text/plain;charset=UTF-8");
        return encode(StompCommand.ERROR, headers, detail.getBytes(StandardCharsets.UTF_8));
    }

    /** The part of a topic MESSAGE that every subscriber shares: headers after the first line, body. */
    ByteBuf shared(TopicMessage message) {
        byte[] frame = encode(StompCommand.MESSAGE, headers(message), message.body().getBytes(StandardCharsets.UTF_8));
        return Unpooled.wrappedBuffer(frame, MESSAGE_LINE.length, frame.length - MESSAGE_LINE.length);
    }

    /** A whole MESSAGE frame for one subscription (replays and personal queues). */
    byte[] message(TopicMessage message, String subscriptionId, @Nullable String ackId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("subscription", subscriptionId);
        if (ackId != null) {
            headers.put("ack", ackId);
        }
        headers.putAll(headers(message));
        return encode(StompCommand.MESSAGE, headers, message.body().getBytes(StandardCharsets.UTF_8));
    }

    /** What goes before the shared bytes for one subscription. */
    static byte[] prefix(String subscriptionId) {
        return ("MESSAGE\nsubscription:" + escape(subscriptionId) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ackLine(String ackId) {
        return ("ack:" + escape(ackId) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(TopicMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", message.destination());
        headers.put("message-id", message.messageId());
        if (message.seq() != null) {
            headers.put("seq", Long.toString(message.seq()));
        }
        headers.put("content-type", "application/json;charset=UTF-8");
        return headers;
    }

    /** STOMP 1.2 value escaping, for the one header written outside the encoder. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ':' -> out.append("\\c");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
