package org.civicdesk.platform.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/**
 * Spring Security's checks of every request's headers, with the same rules written as loops
 * instead of regular expressions: the strict firewall's rule for header names and values (every
 * code point assigned and none a control character) and RFC 6750's {@code Bearer b64token} for
 * the Authorization header.
 * With a 300-character bearer token on every request, the two expressions cost about 3 % of a
 * refused booking attempt in a rush. {@code HeaderChecksTests} holds them to Spring's own.
 */
final class HeaderChecks {

    private HeaderChecks() {
    }

    /** The firewall Spring Security uses by default, checking headers with {@link #name} and {@link #value}. */
    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderChecks::name);
        firewall.setAllowedHeaderValues(HeaderChecks::value);
        return firewall;
    }

    /** Every code point assigned and none a control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}). */
    static boolean name(@Nullable String name) {
        return printable(name, false);
    }

    /** As {@link #name}, a tab allowed ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}). */
    static boolean value(@Nullable String value) {
        return printable(value, true);
    }

    private static boolean printable(@Nullable String text, boolean tab) {
        if (text == null) {
            return true; // as Spring's: nothing to check
        }
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * The bearer token of the Authorization header, as Spring's converter reads it: none without a
     * header starting with "bearer" (any case), {@code invalid_token} unless it is
     * {@code Bearer <b64token>} ({@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, any case).
     */
    static ServerAuthenticationConverter bearerTokens() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
                return Mono.empty();
            }
            if (!bearer(header)) {
                return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
            }
            return Mono.just(new BearerTokenAuthenticationToken(header.substring(7)));
        };
    }

    static boolean bearer(String header) {
        if (header.length() < 8 || header.charAt(6) != ' ') {
            return false;
        }
        int i = 7;
        while (i < header.length() && b64(header.charAt(i))) {
            i++;
        }
        if (i == 7) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean b64(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
