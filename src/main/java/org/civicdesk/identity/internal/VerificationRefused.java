package org.civicdesk.identity.internal;

import java.time.Duration;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Why a one-time code was not sent or not accepted. */
final class VerificationRefused extends DomainFailure {

    private VerificationRefused(HttpStatus status, String slug, String title, String zh, String en) {
        super(status, slug, title, zh, en);
    }

    static VerificationRefused tooSoon(Duration wait) {
        return (VerificationRefused) new VerificationRefused(HttpStatus.TOO_MANY_REQUESTS, "verification-rate-limited",
                "Too many codes", "验证码发送过于频繁，请 " + Math.max(1, wait.toSeconds()) + " 秒后再试。",
                "Codes are being requested too often; try again in " + Math.max(1, wait.toSeconds()) + " seconds.")
                .with("retryAfterSeconds", Math.max(1, wait.toSeconds()));
    }

    static VerificationRefused noCode() {
        return new VerificationRefused(HttpStatus.BAD_REQUEST, "code-expired", "No valid code",
                "验证码已失效或尚未发送，请重新获取。", "There is no valid code for this phone; request a new one.");
    }

    static VerificationRefused expired() {
        return new VerificationRefused(HttpStatus.BAD_REQUEST, "code-expired", "Code expired",
                "验证码已过期，请重新获取。", "The code has expired; request a new one.");
    }

    static VerificationRefused tooManyTries() {
        return (VerificationRefused) new VerificationRefused(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                "Too many attempts", "验证码输入错误次数过多，请重新获取。", "Too many wrong entries; request a new code.")
                .with("remainingTries", 0);
    }

    static VerificationRefused wrong(int remaining) {
        return (VerificationRefused) new VerificationRefused(HttpStatus.BAD_REQUEST, "invalid-code", "Wrong code",
                "验证码错误，还可尝试 " + remaining + " 次。", "The code is wrong; " + remaining + " tries left.")
                .with("remainingTries", remaining);
    }
}
