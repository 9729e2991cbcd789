package org.civicdesk.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.DomainFailure;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every failure a controller meets into an RFC 9457 problem: domain failures with their
 * stable type, Spring's own (bad JSON, wrong content type, unknown route, wrong method) with a
 * type of ours, and anything unexpected into a 500 that is logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemHandler.class);

    @ExceptionHandler(DomainFailure.class)
    Mono<ResponseEntity<ProblemDetail>> domain(DomainFailure failure, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.status(failure.status())
                .headers(retryAfter(failure))
                .body(Problems.of(failure, locale(exchange), exchange)));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    Mono<ResponseEntity<ProblemDetail>> security(Exception ex, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> Problems.forbidden(exchange))
                .defaultIfEmpty(Problems.unauthorized(exchange))
                .map(problem -> ResponseEntity.status(problem.getStatus())
                        .headers(headers -> {
                            if (problem.getStatus() == 401) {
                                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            }
                        })
                        .body(problem));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (Problems.isTooLarge(ex)) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.tooLarge(exchange)));
        }
        log.error("Unexpected failure on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again later.");
        problem.setType(URI.create(DomainFailure.TYPE_BASE + "internal-error"));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return Mono.just(ResponseEntity.internalServerError().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, Object>> errors = ex.getFieldErrors().stream()
                .map(ProblemHandler::fieldError)
                .toList();
        ProblemDetail problem = Problems.validation(exchange, errors);
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, Object>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.<String, Object>of(
                                "field", error instanceof FieldError field ? field.getField()
                                        : String.valueOf(result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return Mono.just(ResponseEntity.badRequest().body(Problems.validation(exchange, errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (Problems.isTooLarge(ex)) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.tooLarge(exchange)));
        }
        ProblemDetail unreadable = Problems.unreadable(ex, exchange);
        if (unreadable != null) {
            return Mono.just(ResponseEntity.badRequest().body(unreadable));
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, @Nullable HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            Problems.decorate(problem, exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static Map<String, Object> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static java.util.function.Consumer<HttpHeaders> retryAfter(DomainFailure failure) {
        return headers -> Problems.retryAfter(failure, headers);
    }

    private static Locale locale(ServerWebExchange exchange) {
        return Problems.locale(exchange);
    }
}
