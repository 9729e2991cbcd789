package org.civicdesk.realtime.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Serves the STOMP endpoint at {@code /ws/stomp}. A WebSocket message may be up to twice the
 * STOMP frame limit, so that a client sending too large a frame gets a STOMP ERROR saying so
 * rather than a bare close from Netty.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebFluxConfigurer {

    static final String PATH = "/ws/stomp";

    private final RealtimeSettings settings;

    WebSocketConfiguration(RealtimeSettings settings) {
        this.settings = settings;
    }

    @Bean
    HandlerMapping stompEndpoint(StompHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
    }

    @Override
    public WebSocketService getWebSocketService() {
        int maxPayload = (int) Math.min(Integer.MAX_VALUE, 2 * settings.maxFrameSize().toBytes());
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxPayload)));
    }
}
