package org.civicdesk.identity.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature was verified, so that a citizen retrying during a rush (the
 * same token on every attempt) is not parsed and verified again each time. A remembered token is
 * still validated on every use (expiry, issuer), so it stops working exactly when it would have
 * without the memory; a token never seen, or one that fails, goes to the real decoder. Tokens
 * cannot be revoked before they expire, so remembering a verified one changes no answer.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.decoder = decoder;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= capacity) {
            forgetExpired();
            // Full of live tokens: forget a quarter of them, in the map's hash order (as good as
            // random here), rather than track recency on every use. Forgetting them all would miss
            // every time for a crowd retrying in turn that is a little larger than the memory.
            Iterator<String> it = verified.keySet().iterator();
            for (int drop = verified.size() - capacity + Math.max(1, capacity / 4); drop > 0 && it.hasNext(); drop--) {
                it.next();
                it.remove();
            }
        }
        verified.put(token, jwt);
    }

    private void forgetExpired() {
        for (Iterator<Jwt> it = verified.values().iterator(); it.hasNext();) {
            if (validator.validate(it.next()).hasErrors()) {
                it.remove();
            }
        }
    }

    int size() {
        return verified.size();
    }
}
