package org.civicdesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.directory.StaffAccount;
import org.civicdesk.directory.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Staff sign-in. Each wrong password in a row makes the answer slower (a growing, non-blocking
 * delay), and the account locks after the configured number; an unknown username costs the same
 * time as a known one, so usernames cannot be probed.
 */
@Service
class StaffLogin {

    private static final Log log = LogFactory.getLog(StaffLogin.class);

    private final StaffAccounts accounts;
    private final LoginFailures failures;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final IdentitySettings settings;
    private final Clock clock;
    /** Checked against when the username is unknown, so that costs the same time. */
    private final String dummyHash;
    /** Password hashing is deliberately slow CPU work: it never runs on an event loop. */
    private final Scheduler hashing = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 1_000, "password-hash");

    StaffLogin(StaffAccounts accounts, LoginFailures failures, PasswordEncoder passwords, TokenIssuer tokens,
            IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.failures = failures;
        this.passwords = passwords;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    /** A successful sign-in: the token and the account it speaks for. */
    record Session(TokenIssuer.Issued token, StaffAccount account) {
    }

    Mono<Session> login(String username, String password) {
        String name = username.strip();
        Instant now = clock.instant();
        return failures.lockedUntil(name, now)
                .flatMap(until -> Mono.<Session>error(new AccountLocked(Duration.between(now, until))))
                .switchIfEmpty(Mono.defer(() -> accounts.findByUsername(name)
                        .flatMap(account -> matches(password, account.passwordHash())
                                .map(ok -> ok && account.enabled()))
                        .switchIfEmpty(matches(password, dummyHash).map(ignored -> false))
                        .flatMap(ok -> ok
                                ? failures.clear(name).then(accounts.findByUsername(name))
                                        .map(account -> new Session(tokens.staff(account), account))
                                : failed(name))));
    }

    private Mono<Session> failed(String username) {
        Instant now = clock.instant();
        return failures.record(username, now, now.minus(settings.failureMemory()), settings.maxFailedLogins(),
                        now.plus(settings.lockDuration()))
                .doOnNext(state -> log.info("Sign-in failed for '" + username + "' (" + state.failures() + " in a row"
                        + (state.lockedUntil() != null ? ", now locked" : "") + ")"))
                .flatMap(state -> Mono.delay(slowdown(settings.loginSlowdown(), state.failures()))
                        .then(Mono.error(state.lockedUntil() != null
                                ? new AccountLocked(Duration.between(now, state.lockedUntil()))
                                : new InvalidCredentials())));
    }

    /** The base delay after the first failure, doubling with each further one, at most 16 times it. */
    static Duration slowdown(Duration base, int failures) {
        return base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 4));
    }

    private Mono<Boolean> matches(String raw, String hash) {
        return Mono.fromCallable(() -> passwords.matches(raw, hash)).subscribeOn(hashing);
    }
}
