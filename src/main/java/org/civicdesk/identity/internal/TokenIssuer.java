package org.civicdesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civicdesk.directory.StaffAccount;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Writes the tokens staff and citizens present on every later request. */
@Component
class TokenIssuer {

    /** The {@code iss} of every token we issue, and the only one we accept. */
    static final String ISSUER = "civicdesk";

    private final JwtEncoder encoder;
    private final IdentitySettings settings;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, IdentitySettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    /** A signed token and when it stops being valid. */
    record Issued(String token, Instant expiresAt) {
    }

    Issued staff(StaffAccount account) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.staffTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(expires)
                .claim("kind", "staff")
                .claim("name", account.displayName())
                .claim("roles", account.roles().stream().map(Enum::name).sorted().toList());
        if (account.unitId() != null) {
            claims.claim("unitId", account.unitId());
        }
        return new Issued(encode(claims.build()), expires);
    }

    Issued citizen(String phone) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.citizenTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .id(UUID.randomUUID().toString())
                .subject(phone)
                .issuedAt(now)
                .expiresAt(expires)
                .claim("kind", "citizen")
                .claim("roles", List.of("CITIZEN"))
                .build();
        return new Issued(encode(claims), expires);
    }

    private String encode(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
