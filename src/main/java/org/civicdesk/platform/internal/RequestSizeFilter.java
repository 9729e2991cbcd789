package org.civicdesk.platform.internal;

import org.civicdesk.platform.PlatformSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body larger than the configured maximum before reading a byte of it. Bodies sent
 * without a length are capped by the codecs' in-memory limit instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeFilter implements WebFilter {

    private final long maxBytes;
    private final ProblemWebExceptionHandler problems;

    RequestSizeFilter(PlatformSettings settings, ProblemWebExceptionHandler problems) {
        this.maxBytes = settings.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange.getResponse(), Problems.tooLarge(exchange));
        }
        return chain.filter(exchange);
    }
}
