package org.civicdesk.identity;

import org.civicdesk.identity.internal.CitizenVerification;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Phone proof for the other modules, with the same codes, limits and expiry as the web: the chat
 * channels use it to bind a WeChat user to a phone once.
 */
@Service
public class PhoneVerifications {

    private final CitizenVerification verification;

    PhoneVerifications(CitizenVerification verification) {
        this.verification = verification;
    }

    /**
     * Sends a one-time code to a phone.
     *
     * @param phone     as the person typed it
     * @param requester who asks, for the per-requester limit (a client address, or a channel user)
     * @return the phone, masked, once the code is queued
     */
    public Mono<String> sendCode(String phone, String requester) {
        return verification.requestCode(phone, requester).map(CitizenVerification.Sent::phone);
    }

    /**
     * Checks a code; fails with the same problems as the web ({@code invalid-code}, {@code code-expired},
     * {@code too-many-attempts}).
     *
     * @return the proven phone in E.164
     */
    public Mono<String> confirm(String phone, String code) {
        return verification.confirm(phone, code);
    }
}
