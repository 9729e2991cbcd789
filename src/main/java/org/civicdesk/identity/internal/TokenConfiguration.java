package org.civicdesk.identity.internal;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Tokens are HMAC-SHA256-signed JWTs with one key shared by every instance. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

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

    @Bean
    ReactiveJwtDecoder tokenDecoder(SecretKey tokenKey) {
        return NimbusReactiveJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtEncoder tokenEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(tokenKey));
    }
}
