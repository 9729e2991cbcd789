package org.civicdesk.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Citizen tokens for tests that need many citizens: signed with the service's own encoder and
 * the claims phone verification gives (the verification itself has tests of its own), so a test
 * needs no SMS round trip per citizen.
 */
public final class CitizenTokens {

    private CitizenTokens() {
    }

    public static String mint(JwtEncoder encoder, String phone) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("civicdesk")
                .id(UUID.randomUUID().toString())
                .subject(phone)
                .issuedAt(now)
                .expiresAt(now.plus(12, ChronoUnit.HOURS))
                .claim("kind", "citizen")
                .claim("roles", List.of("CITIZEN"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
