package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key is missing, was used for a different request, or its first request is still running. */
public final class IdempotencyProblem extends DomainFailure {

    private IdempotencyProblem(HttpStatus status, String slug, String title, String zh, String en) {
        super(status, slug, title, zh, en);
    }

    public static IdempotencyProblem missing() {
        return new IdempotencyProblem(HttpStatus.BAD_REQUEST, "idempotency-key-required", "Idempotency key required",
                "请求缺少 Idempotency-Key 请求头（每次新的预约用一个新的随机值，重试时不变）。",
                "Send an Idempotency-Key header: a new random value per booking, the same on every retry.");
    }

    public static IdempotencyProblem reused() {
        return new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "该 Idempotency-Key 已用于另一个不同的预约请求。", "This Idempotency-Key was already used for a different request.");
    }

    public static IdempotencyProblem inProgress() {
        return (IdempotencyProblem) new IdempotencyProblem(HttpStatus.CONFLICT, "booking-in-progress", "Request in progress",
                "使用该 Idempotency-Key 的请求仍在处理，请稍后重试。",
                "A request with this Idempotency-Key is still being processed; retry shortly.")
                .with("retryAfterSeconds", 1);
    }
}
