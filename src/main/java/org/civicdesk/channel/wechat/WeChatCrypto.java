package org.civicdesk.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe mode: AES-256-CBC with the key from the EncodingAESKey, the IV its first 16 bytes,
 * PKCS#7 padding to 32-byte blocks; the plaintext is 16 random bytes, the message length (4 bytes,
 * big-endian), the message, and the AppID, which must match ours.
 */
final class WeChatCrypto {

    private static final SecureRandom random = new SecureRandom();
    private static final int BLOCK = 32;

    private final byte[] key;
    private final String appId;

    WeChatCrypto(String encodingAesKey, String appId) {
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        if (key.length != 32) {
            throw new IllegalArgumentException("The EncodingAESKey must be 43 characters (32 bytes)");
        }
        this.appId = appId;
    }

    String encrypt(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ByteBuffer plain = ByteBuffer.allocate(16 + 4 + body.length + app.length);
        plain.put(nonce).putInt(body.length).put(body).put(app);
        byte[] padded = pad(plain.array());
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(padded));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The message inside; an {@link IllegalArgumentException} when it is not ours or not intact. */
    String decrypt(String encrypted) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = unpad(cipher.doFinal(Base64.getDecoder().decode(encrypted)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("Not a message encrypted for this account", ex);
        }
        if (plain.length < 20) {
            throw new IllegalArgumentException("Encrypted message too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > plain.length) {
            throw new IllegalArgumentException("Encrypted message length is wrong");
        }
        String from = new String(plain, 20 + length, plain.length - 20 - length, StandardCharsets.UTF_8);
        if (!from.equals(appId)) {
            throw new IllegalArgumentException("Encrypted message is for another AppID");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private static byte[] pad(byte[] data) {
        int amount = BLOCK - data.length % BLOCK;
        byte[] out = Arrays.copyOf(data, data.length + amount);
        Arrays.fill(out, data.length, out.length, (byte) amount);
        return out;
    }

    private static byte[] unpad(byte[] data) {
        int amount = data[data.length - 1] & 0xff;
        if (amount < 1 || amount > BLOCK || amount > data.length) {
            throw new IllegalArgumentException("Bad padding");
        }
        return Arrays.copyOf(data, data.length - amount);
    }
}
