package org.civicdesk.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembering verified tokens must not change any answer: a remembered token still expires, a
 * forged one is still refused, a token from another issuer is refused, and the memory is bounded.
 */
class VerifiedTokensTests {

    private static final SecretKey KEY = new SecretKeySpec(Base64.getDecoder()
            .decode("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NQ=="), "HmacSHA256");

    private final MutableClock clock = new MutableClock(ZoneOffset.UTC);

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        VerifiedTokens tokens = tokens(16);
        String token = token(TokenIssuer.ISSUER, "+8613800000001", clock.instant().plus(Duration.ofMinutes(10)));

        StepVerifier.create(tokens.decode(token)).assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("+8613800000001"))
                .verifyComplete();
        StepVerifier.create(tokens.decode(token)).expectNextCount(1).verifyComplete();
        assertThat(tokens.size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        StepVerifier.create(tokens.decode(token)).expectError(JwtValidationException.class).verify();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aForgedTokenIsRefusedEvenWhenTheGenuineOneIsRemembered() {
        VerifiedTokens tokens = tokens(16);
        String token = token(TokenIssuer.ISSUER, "+8613800000001", clock.instant().plus(Duration.ofMinutes(10)));
        StepVerifier.create(tokens.decode(token)).expectNextCount(1).verifyComplete();

        String[] parts = token.split("\\.");
        String otherSubject = token(TokenIssuer.ISSUER, "+8613800000002", clock.instant().plus(Duration.ofMinutes(10)))
                .split("\\.")[1];
        String forged = parts[0] + "." + otherSubject + "." + parts[2];
        StepVerifier.create(tokens.decode(forged)).expectError(BadJwtException.class).verify();
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        VerifiedTokens tokens = tokens(16);
        String token = token("someone-else", "+8613800000001", clock.instant().plus(Duration.ofMinutes(10)));
        StepVerifier.create(tokens.decode(token)).expectError(JwtException.class).verify();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theMemoryIsBoundedAndForgetsExpiredTokensFirst() {
        VerifiedTokens tokens = tokens(4);
        for (int i = 0; i < 3; i++) {
            String shortLived = token(TokenIssuer.ISSUER, "+861380000000" + i, clock.instant().plus(Duration.ofMinutes(1)));
            StepVerifier.create(tokens.decode(shortLived)).expectNextCount(1).verifyComplete();
        }
        String longLived = token(TokenIssuer.ISSUER, "+8613800000009", clock.instant().plus(Duration.ofHours(1)));
        StepVerifier.create(tokens.decode(longLived)).expectNextCount(1).verifyComplete();
        assertThat(tokens.size()).isEqualTo(4);

        clock.advance(Duration.ofMinutes(2));
        String next = token(TokenIssuer.ISSUER, "+8613800000010", clock.instant().plus(Duration.ofHours(1)));
        StepVerifier.create(tokens.decode(next)).expectNextCount(1).verifyComplete();
        // The three expired ones were dropped, the live one kept.
        assertThat(tokens.size()).isEqualTo(2);
        StepVerifier.create(tokens.decode(longLived)).expectNextCount(1).verifyComplete();
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void aCrowdRetryingInTurnThatIsLargerThanTheMemoryIsStillMostlyAnsweredFromIt() {
        AtomicInteger verified = new AtomicInteger();
        ReactiveJwtDecoder genuine = tokens(1); // remembers one token: verifies nearly every time
        VerifiedTokens tokens = new VerifiedTokens(token -> {
            verified.incrementAndGet();
            return genuine.decode(token);
        }, new JwtTimestampValidator(Duration.ZERO), 100);
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            crowd.add(token(TokenIssuer.ISSUER, "+86138%08d".formatted(i), clock.instant().plus(Duration.ofHours(1))));
        }
        for (int round = 0; round < 5; round++) {
            for (String token : crowd) {
                StepVerifier.create(tokens.decode(token)).expectNextCount(1).verifyComplete();
            }
        }
        // 600 attempts by 120 citizens: the first 120 are verified, most retries are not.
        assertThat(tokens.size()).isLessThanOrEqualTo(100);
        assertThat(verified.get()).isLessThan(400);
    }

    private VerifiedTokens tokens(int capacity) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return TokenConfiguration.decoder(KEY, timestamps, capacity);
    }

    private String token(String issuer, String phone, Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(phone).issuedAt(clock.instant())
                .expiresAt(expires).claim("kind", "citizen").claim("roles", List.of("CITIZEN")).build();
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(KEY))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
