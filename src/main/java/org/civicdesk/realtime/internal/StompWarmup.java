package org.civicdesk.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes a frame at start-up, so that the STOMP classes (and the message-id
 * generator they seed) are loaded now rather than on the first client's event loop; and has
 * Jackson build its reader and writer of the relay's envelope, which it would otherwise do under
 * a lock on whichever thread came first (another thread waiting on it is a blocked event loop).
 */
@Component
class StompWarmup implements SmartInitializingSingleton {

    private final Frames frames;
    private final JsonMapper json;

    StompWarmup(Frames frames, JsonMapper json) {
        this.frames = frames;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        byte[] frame = frames.encode(StompCommand.SEND, Map.of("destination", "/app/warmup"), "{}".getBytes(StandardCharsets.UTF_8));
        new StompDecoder().decode(ByteBuffer.wrap(frame))
                .forEach(message -> StompHeaderAccessor.wrap(message).toNativeHeaderMap());
        frames.error("warm-up", null, null, "");
        json.readerFor(Relay.Envelope.class);
        json.writerFor(Relay.Envelope.class);
        // Live updates often carry a Map.of(...): one entry and several are different classes.
        json.writeValueAsString(Map.of("warm", 1));
        json.writeValueAsString(Map.of("warm", 1, "up", 2));
    }
}
