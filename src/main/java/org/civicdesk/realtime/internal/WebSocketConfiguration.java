package org.civicdesk.realtime.internal;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
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
 * rather than a bare close from Netty. The upgrade request is not observed as an HTTP request:
 * it would last as long as the WebSocket, every open connection keeping its observations, timers
 * and their contexts (some 4 KB each) and counting as an active request.
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

    @Bean
    static ObservationPredicate stompEndpointNotObserved() {
        return (name, context) -> !isStompUpgrade(name, context);
    }

    /**
     * The STOMP endpoint's request, or the security filter chain's observations within it: those
     * find the request's observation, made a no-op here, as their parent.
     */
    private static boolean isStompUpgrade(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request) {
            return PATH.equals(request.getCarrier().getPath().pathWithinApplication().value());
        }
        return name.startsWith("spring.security.") && context.getParentObservation() instanceof Observation parent
                && parent.isNoop();
    }

    @Override
    public WebSocketService getWebSocketService() {
        int maxPayload = (int) Math.min(Integer.MAX_VALUE, 2 * settings.maxFrameSize().toBytes());
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxPayload)));
    }
}
