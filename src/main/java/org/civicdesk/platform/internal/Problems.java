package org.civicdesk.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicdesk.platform.DomainFailure;
import org.jspecify.annotations.Nullable;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * How CivicDesk's problems look: a type under {@link DomainFailure#TYPE_BASE}, the request path
 * as {@code instance}, and Chinese details unless the caller prefers English.
 */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(DomainFailure failure, Locale locale, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.detail(locale));
        problem.setType(failure.type());
        problem.setTitle(failure.title());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        failure.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A failure that says when to try again ({@code retryAfterSeconds}) also says it in {@code Retry-After}. */
    static void retryAfter(DomainFailure failure, HttpHeaders headers) {
        Object seconds = failure.properties().get("retryAfterSeconds");
        if (seconds != null) {
            headers.set(HttpHeaders.RETRY_AFTER, seconds.toString());
        }
    }

    static ProblemDetail validation(ServerWebExchange exchange, List<Map<String, Object>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                english(exchange) ? "Some fields are missing or not valid." : "部分字段缺失或无效，请检查后重试。");
        problem.setType(URI.create(DomainFailure.TYPE_BASE + "validation-failed"));
        problem.setTitle("Validation failed");
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail unauthorized(ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "请先登录：此操作需要有效的访问令牌。",
                "Sign in first: this needs a valid bearer token.", exchange);
    }

    static ProblemDetail forbidden(ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "您的账号无权执行此操作。", "Your account may not do this.",
                exchange);
    }

    static ProblemDetail tooLarge(ServerWebExchange exchange) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content too large", "请求内容过大。",
                "The request body is too large.", exchange);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String zh, String en,
            ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, english(exchange) ? en : zh);
        problem.setType(URI.create(DomainFailure.TYPE_BASE + slug));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    /** Gives Spring's own problems (404, 405, 415, bad JSON) a type of ours and the path. */
    static void decorate(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(DomainFailure.TYPE_BASE + slug(problem.getStatus())));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    static Locale locale(ServerWebExchange exchange) {
        return english(exchange) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static boolean english(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getRange().startsWith("zh")) {
                return false;
            }
            if (range.getRange().startsWith("en")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A body Jackson could not read: a value of the wrong kind names its field; anything else is
     * malformed JSON. Null when the failure was not about the body.
     */
    static @Nullable ProblemDetail unreadable(Throwable ex, ServerWebExchange exchange) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException bind && !bind.getPath().isEmpty()) {
                String field = field(bind.getPath());
                ProblemDetail problem = validation(exchange, List.of(Map.of("field", field,
                        "message", english(exchange) ? "has a value of the wrong kind" : "取值无效")));
                problem.setDetail(english(exchange) ? "The field '" + field + "' has a value of the wrong kind."
                        : "字段「" + field + "」的取值无效。");
                return problem;
            }
            if (t instanceof JacksonException || t instanceof DecodingException) {
                return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", "请求内容不是有效的 JSON。",
                        "The request body is not valid JSON.", exchange);
            }
        }
        return null;
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static boolean isTooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
