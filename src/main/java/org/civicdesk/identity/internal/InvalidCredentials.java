package org.civicdesk.identity.internal;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The username and password do not match an enabled account. */
final class InvalidCredentials extends DomainFailure {

    InvalidCredentials() {
        super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", "用户名或密码错误。",
                "The username or password is wrong.");
    }
}
