package org.civicdesk.platform.internal;

import org.civicdesk.platform.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves the web client's shell for its client-side routes ({@code /staff}, {@code /unit},
 * {@code /my}, {@code /book}, {@code /simulator}), so that a bookmarked or reloaded page works. The
 * simulator exists only in the embedded default: elsewhere it is a 404.
 */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes {

    @Bean
    RouterFunction<ServerResponse> webClientShell(Platform platform) throws java.io.IOException {
        // Read once at start-up: a resource inside the jar is read with blocking I/O.
        Resource resource = new ClassPathResource("static/index.html");
        byte[] shell = resource.exists() ? resource.getContentAsByteArray() : null;
        return RouterFunctions.route(RequestPredicates.GET("/simulator").or(RequestPredicates.GET("/simulator/**")),
                        request -> platform.embedded() ? shell(shell) : Mono.error(new ResponseStatusException(
                                org.springframework.http.HttpStatus.NOT_FOUND, "The simulator exists only in the embedded default")))
                .andRoute(RequestPredicates.GET("/staff").or(RequestPredicates.GET("/staff/**"))
                        .or(RequestPredicates.GET("/unit")).or(RequestPredicates.GET("/unit/**"))
                        .or(RequestPredicates.GET("/my")).or(RequestPredicates.GET("/my/**"))
                        .or(RequestPredicates.GET("/book")).or(RequestPredicates.GET("/book/**")),
                        request -> shell(shell));
    }

    private static Mono<ServerResponse> shell(byte @Nullable [] shell) {
        if (shell == null) {
            return Mono.error(new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "The web client is not built (run ./mvnw without -Dweb.skip)"));
        }
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(shell);
    }
}
