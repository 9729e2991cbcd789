package org.civicdesk.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.platform.RateLimiter;
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A citizen proves a phone: a 6-digit code by SMS, valid for a few minutes and a few tries,
 * with limits per phone and per client address. Codes are kept only as keyed hashes and never
 * logged.
 */
@Service
public class CitizenVerification {

    private static final SecureRandom random = new SecureRandom();

    private final Verifications verifications;
    private final Sms sms;
    private final RateLimiter limiter;
    private final TokenIssuer tokens;
    private final IdentitySettings settings;
    private final SecretKey key;
    private final TransactionalOperator tx;
    private final Clock clock;

    CitizenVerification(Verifications verifications, Sms sms, RateLimiter limiter, TokenIssuer tokens,
            IdentitySettings settings, SecretKey tokenKey, TransactionalOperator tx, Clock clock) {
        this.verifications = verifications;
        this.sms = sms;
        this.limiter = limiter;
        this.tokens = tokens;
        this.settings = settings;
        this.key = tokenKey;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the citizen is told after asking for a code. */
    public record Sent(String phone, long expiresInSeconds, long resendAfterSeconds) {
    }

    public Mono<Sent> requestCode(String rawPhone, String clientAddress) {
        String phone = PhoneNumbers.normalize(rawPhone, "phone");
        return limiter.hit("verify-ip:" + clientAddress, settings.codesPerIp(), settings.codesPerIpWindow())
                .flatMap(ip -> ip.allowed() ? Mono.just(ip) : Mono.error(VerificationRefused.tooSoon(ip.retryAfter())))
                .then(issue(phone).as(tx::transactional))
                .flatMap(code -> sms.send(new SmsRequest(phone,
                                "【民政通】您的验证码是 " + code + "，" + settings.codeTtl().toMinutes() + " 分钟内有效。请勿告诉他人。",
                                SmsPurpose.VERIFICATION, null, true, true)))
                .thenReturn(new Sent(PhoneNumbers.mask(phone), settings.codeTtl().toSeconds(),
                        settings.codeResendInterval().toSeconds()));
    }

    private Mono<String> issue(String phone) {
        Instant now = clock.instant();
        return verifications.lock(phone)
                .then(verifications.recent(phone, now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(1))))
                .flatMap(recent -> {
                    Duration sinceLast = Duration.between(recent.last(), now);
                    if (sinceLast.compareTo(settings.codeResendInterval()) < 0) {
                        return Mono.error(VerificationRefused.tooSoon(settings.codeResendInterval().minus(sinceLast)));
                    }
                    if (recent.lastHour() >= settings.codesPerPhonePerHour()) {
                        return Mono.error(VerificationRefused.tooSoon(Duration.ofHours(1)));
                    }
                    if (recent.lastDay() >= settings.codesPerPhonePerDay()) {
                        return Mono.error(VerificationRefused.tooSoon(Duration.ofDays(1)));
                    }
                    String code = String.format("%06d", random.nextInt(1_000_000));
                    return verifications.insert(phone, hash(phone, code), now, now.plus(settings.codeTtl()))
                            .thenReturn(code);
                });
    }

    Mono<TokenIssuer.Issued> exchange(String rawPhone, String code) {
        return confirm(rawPhone, code).map(tokens::citizen);
    }

    /** Checks and uses up the code; emits the proven phone in E.164. */
    public Mono<String> confirm(String rawPhone, String code) {
        String phone = PhoneNumbers.normalize(rawPhone, "phone");
        Instant now = clock.instant();
        return verifications.countTry(phone)
                .switchIfEmpty(Mono.error(VerificationRefused::noCode))
                .flatMap(attempt -> {
                    if (attempt.expiresAt().isBefore(now)) {
                        return Mono.error(VerificationRefused.expired());
                    }
                    if (attempt.tries() > settings.codeMaxTries()) {
                        return Mono.error(VerificationRefused.tooManyTries());
                    }
                    boolean match = MessageDigest.isEqual(attempt.codeHash().getBytes(StandardCharsets.US_ASCII),
                            hash(phone, code.strip()).getBytes(StandardCharsets.US_ASCII));
                    if (!match) {
                        int remaining = settings.codeMaxTries() - attempt.tries();
                        return Mono.error(remaining <= 0 ? VerificationRefused.tooManyTries() : VerificationRefused.wrong(remaining));
                    }
                    return verifications.consume(attempt.id(), now)
                            .flatMap(consumed -> consumed ? Mono.just(phone)
                                    : Mono.error(VerificationRefused.noCode()));
                });
    }

    private String hash(String phone, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((phone + ":" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
