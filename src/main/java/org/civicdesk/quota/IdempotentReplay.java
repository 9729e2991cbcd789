package org.civicdesk.quota;

/**
 * The gate has already taken a seat under this idempotency key: the caller answers with what
 * that first request made (when the fingerprints match) instead of taking a second seat.
 */
public final class IdempotentReplay extends RuntimeException {

    private final String code;
    private final String fingerprint;

    public IdempotentReplay(String code, String fingerprint) {
        super("Seat already taken under this idempotency key as " + code, null, false, false);
        this.code = code;
        this.fingerprint = fingerprint;
    }

    /** The reference of the seat the first request took. */
    public String code() {
        return code;
    }

    /** The first request's fingerprint. */
    public String fingerprint() {
        return fingerprint;
    }
}
