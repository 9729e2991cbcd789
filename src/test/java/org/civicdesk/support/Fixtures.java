package org.civicdesk.support;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.civicdesk.directory.StaffAccounts;
import org.civicdesk.directory.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Staff accounts and citizens for tests, made the way real ones are: accounts in the directory,
 * citizens through phone verification with the code read from the fake Twilio.
 */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private final StaffAccounts accounts;
    private final String hash;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Fixtures(StaffAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.hash = passwords.encode(PASSWORD);
    }

    /** Makes sure an account exists (with {@link #PASSWORD}). */
    public void staff(String username, StaffRole role, @Nullable Long unitId) {
        accounts.createIfAbsent(username, username, hash, Set.of(role), unitId, false).block(Duration.ofSeconds(10));
    }

    /** A bearer token for an account, signing it in once. */
    public String token(WebTestClient web, String username, StaffRole role) {
        return token(web, username, role, null);
    }

    public String token(WebTestClient web, String username, StaffRole role, @Nullable Long unitId) {
        return tokens.computeIfAbsent(username, name -> {
            staff(name, role, unitId);
            Map<?, ?> body = web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", name, "password", PASSWORD))
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            return (String) body.get("token");
        });
    }

    public String admin(WebTestClient web) {
        return token(web, "test-admin", StaffRole.ADMIN);
    }

    /** Asks for a code and waits until the fake Twilio has it; returns the code. */
    public static String requestCode(WebTestClient web, String phone) {
        int before = TestServices.get().twilio().messagesTo(phone).size();
        web.post().uri("/api/v1/citizens/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone))
                .exchange().expectStatus().isAccepted();
        return awaitCode(phone, before);
    }

    /** Waits for the code in the {@code index}-th message to a phone. */
    public static String awaitCode(String phone, int index) {
        FakeTwilio twilio = TestServices.get().twilio();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twilio.messagesTo(phone).size() > index);
        Matcher matcher = CODE.matcher(twilio.messagesTo(phone).get(index).body());
        if (!matcher.find()) {
            throw new AssertionError("No code in " + twilio.messagesTo(phone).get(index).body());
        }
        return matcher.group(1);
    }

    /** A verified citizen's token for a phone in E.164, such as {@code +8613912345678}. */
    public static String citizen(WebTestClient web, String phone) {
        String code = requestCode(web, phone);
        Map<?, ?> body = web.post().uri("/api/v1/citizens/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", code))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    /** A fresh valid Chinese mobile number no other test uses. */
    public static String newPhone() {
        long n = 10_000_000L + (START + COUNTER.incrementAndGet()) % 90_000_000L;
        return "+86139" + n;
    }

    private static final long START = new java.util.Random().nextInt(90_000_000);
    private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();
}
