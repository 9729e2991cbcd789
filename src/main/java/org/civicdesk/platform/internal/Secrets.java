package org.civicdesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * Secrets the embedded default generates at its first start and keeps in the data directory,
 * so that tokens stay valid and the demo password stays the same across restarts.
 */
final class Secrets {

    private static final SecureRandom random = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path dir;

    Secrets(Path dataDir) {
        this.dir = dataDir.resolve("secrets");
    }

    Map<String, Object> embeddedDefaults(Environment env) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (env.getProperty("civicdesk.identity.token-secret") == null) {
            props.put("civicdesk.identity.token-secret", keep("token-secret", () -> {
                byte[] key = new byte[48];
                random.nextBytes(key);
                return Base64.getEncoder().encodeToString(key);
            }));
        }
        // No Twilio or WeChat account in the embedded default: webhooks are still signed (by the
        // channel simulator) with tokens kept here, while outbound SMS stay simulated.
        if (env.getProperty("civicdesk.twilio.auth-token") == null) {
            props.put("civicdesk.twilio.auth-token", keep("twilio-webhook-token", () -> random(24)));
        }
        if (env.getProperty("civicdesk.wechat.token") == null) {
            props.put("civicdesk.wechat.token", keep("wechat-token", () -> random(24)));
            props.putIfAbsent("civicdesk.wechat.app-id", "wxc1v1cde5kdem0");
        }
        if (env.getProperty("civicdesk.wechat.encoding-aes-key") == null) {
            props.put("civicdesk.wechat.encoding-aes-key", keep("wechat-encoding-aes-key", () -> {
                byte[] key = new byte[32];
                random.nextBytes(key);
                return Base64.getEncoder().withoutPadding().encodeToString(key);
            }));
        }
        String demoPassword = env.getProperty("civicdesk.demo-password");
        props.put("civicdesk.directory.demo-password", demoPassword != null && !demoPassword.isBlank()
                ? demoPassword
                : keep("demo-password", Secrets::password));
        return props;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return java.util.HexFormat.of().formatHex(value);
    }

    private static String password() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    private String keep(String name, java.util.function.Supplier<String> generate) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dir);
            String value = generate.get();
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the folder's permissions
            }
            return value;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not keep the secret " + file, ex);
        }
    }
}
