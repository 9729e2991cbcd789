package org.civicdesk.booking.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resident ID numbers at rest: encrypted with AES-256-GCM (random 96-bit nonce, stored with the
 * ciphertext), beside a keyed hash (HMAC-SHA256) that finds the same person again without
 * decrypting. Both keys derive from {@code civicdesk.booking.personal-data-key}, or from the
 * token secret when that is not set. The JCE is exercised once at start-up, not on an event loop.
 */
@Component
class PersonalData {

    private static final SecureRandom random = new SecureRandom();
    private static final int NONCE = 12;

    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;

    PersonalData(BookingSettings settings, Environment env) {
        byte[] master = master(settings, env);
        this.encryption = new SecretKeySpec(derive(master, "civicdesk:booking:aes-gcm"), "AES");
        this.hashing = new SecretKeySpec(derive(master, "civicdesk:booking:hmac"), "HmacSHA256");
        decrypt(encrypt("warm-up"));
        hash("warm-up");
    }

    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt", ex);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, all, 0, NONCE));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not decrypt", ex);
        }
    }

    /** A keyed hash: the same value always gives the same 32 hex characters; nothing gives the value back. */
    String hash(String value) {
        return HexFormat.of().formatHex(mac(hashing, value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    /** A keyed signature of a value for one purpose, Base64url without padding. */
    String sign(String purpose, String value) {
        byte[] mac = mac(hashing, (purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 16));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        return mac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] master(BookingSettings settings, Environment env) {
        String configured = settings.personalDataKey();
        String secret = configured != null && !configured.isBlank() ? configured
                : env.getProperty("civicdesk.identity.token-secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("civicdesk.booking.personal-data-key (or the token secret) must be set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("civicdesk.booking.personal-data-key must be Base64", ex);
        }
        if (key.length < 32) {
            throw new IllegalStateException("civicdesk.booking.personal-data-key must decode to at least 32 bytes");
        }
        return key;
    }
}
