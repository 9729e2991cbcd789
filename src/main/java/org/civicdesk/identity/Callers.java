package org.civicdesk.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.directory.StaffRole;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tells the other modules who is calling: from the current request's security context, or from
 * a bearer token presented some other way (a STOMP CONNECT frame).
 */
@Service
public class Callers {

    private final ReactiveJwtDecoder tokens;

    Callers(ReactiveJwtDecoder tokens) {
        this.tokens = tokens;
    }

    /** The caller of the current request; empty when it carries no valid token. */
    public Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> from(((JwtAuthenticationToken) auth).getToken()));
    }

    /** The caller a token names; an error when it is not valid or has expired. */
    public Mono<Caller> fromToken(String token) {
        return tokens.decode(token).map(Callers::from);
    }

    static Caller from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Set<StaffRole> staffRoles = roles == null ? Set.of() : roles.stream()
                .filter(role -> !"CITIZEN".equals(role))
                .map(StaffRole::valueOf)
                .collect(Collectors.toSet());
        Object unit = jwt.getClaims().get("unitId");
        Long unitId = unit instanceof Number n ? n.longValue() : null;
        boolean citizen = "citizen".equals(jwt.getClaimAsString("kind"));
        return new Caller(citizen ? Caller.Kind.CITIZEN : Caller.Kind.STAFF, jwt.getSubject(), staffRoles, unitId,
                citizen ? jwt.getSubject() : null);
    }
}
