package org.civicdesk.identity.internal;

import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Tokens are HMAC-SHA256-signed JWTs with one key shared by every instance. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    /**
     * How many verified tokens each instance remembers (about 1.5 KB each): the distinct citizens
     * of several seconds of a rush on one instance.
     */
    static final int VERIFIED_TOKENS = 16_384;

    @Bean
    SecretKey tokenKey(IdentitySettings settings) {
        String secret = settings.tokenSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("civicdesk.identity.token-secret (CIVICDESK_IDENTITY_TOKEN_SECRET) must be set "
                    + "to a Base64 key of at least 32 bytes, the same on every instance");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("civicdesk.identity.token-secret must be Base64", ex);
        }
        if (key.length < 32) {
            throw new IllegalStateException("civicdesk.identity.token-secret must decode to at least 32 bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Verifies the signature, the expiry (a minute of clock skew, Spring's default) and our issuer.
     * The issuer is a plain name, so it is read as a string (Spring would try to read it as a URL
     * and throw and catch an exception on every request); verified tokens are remembered.
     */
    @Bean
    ReactiveJwtDecoder tokenDecoder(SecretKey tokenKey) {
        return decoder(tokenKey, new JwtTimestampValidator(), VERIFIED_TOKENS);
    }

    /** The decoder of {@link #tokenDecoder}, with the expiry checked by {@code timestamps}. */
    static VerifiedTokens decoder(SecretKey tokenKey, JwtTimestampValidator timestamps, int remembered) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, String::valueOf)));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtClaimValidator<Object>(JwtClaimNames.ISS, TokenIssuer.ISSUER::equals));
        nimbus.setJwtValidator(validator);
        return new VerifiedTokens(nimbus, validator, remembered);
    }

    @Bean
    JwtEncoder tokenEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(tokenKey));
    }
}
