package org.civicdesk.platform.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.DomainFailure;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last resort for failures no controller saw (a web filter, a functional route, the
 * WebSocket handshake): still problem+json, never Boot's default error page.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem;
        if (ex instanceof DomainFailure failure) {
            problem = Problems.of(failure, Problems.locale(exchange), exchange);
            Problems.retryAfter(failure, response.getHeaders());
        }
        else if (Problems.isTooLarge(ex)) {
            problem = Problems.tooLarge(exchange);
        }
        else if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
            Problems.decorate(problem, exchange);
            error.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        }
        else {
            log.error("Unexpected failure on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(), ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side. Please try again later.");
            problem.setType(URI.create(DomainFailure.TYPE_BASE + "internal-error"));
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return write(response, problem);
    }

    Mono<Void> write(ServerHttpResponse response, ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
