package org.civicdesk.identity.internal;

import java.time.Duration;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Too many wrong passwords in a row: the account is locked for a while. */
final class AccountLocked extends DomainFailure {

    AccountLocked(Duration remaining) {
        super(HttpStatus.LOCKED, "account-locked", "Account locked",
                "密码错误次数过多，账号已锁定，请 " + minutes(remaining) + " 分钟后再试。",
                "Too many wrong passwords: the account is locked for " + minutes(remaining) + " more minutes.");
        with("retryAfterSeconds", Math.max(1, remaining.toSeconds()));
    }

    private static long minutes(Duration remaining) {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
