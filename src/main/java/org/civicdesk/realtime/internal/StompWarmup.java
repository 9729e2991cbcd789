package org.civicdesk.realtime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Encodes and decodes a frame at start-up, so that the STOMP classes (and the message-id
 * generator they seed) are loaded now rather than on the first client's event loop.
 */
@Component
class StompWarmup implements SmartInitializingSingleton {

    private final Frames frames;

    StompWarmup(Frames frames) {
        this.frames = frames;
    }

    @Override
    public void afterSingletonsInstantiated() {
        byte[] frame = frames.encode(StompCommand.SEND, Map.of("destination", "/app/warmup"), "{}".getBytes(StandardCharsets.UTF_8));
        new StompDecoder().decode(ByteBuffer.wrap(frame))
                .forEach(message -> StompHeaderAccessor.wrap(message).toNativeHeaderMap());
        frames.error("warm-up", null, null, "");
    }
}
