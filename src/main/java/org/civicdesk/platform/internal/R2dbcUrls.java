package org.civicdesk.platform.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Derives the JDBC settings Flyway needs from the R2DBC URL, so that an external deployment
 * configures its database once ({@code SPRING_R2DBC_URL}).
 */
final class R2dbcUrls {

    private R2dbcUrls() {
    }

    static Map<String, Object> flywayProperties(String r2dbcUrl, @Nullable String username, @Nullable String password) {
        String rest = r2dbcUrl.replaceFirst("^r2dbcs?:", "").replaceFirst("^pool:", "");
        if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
            throw new IllegalArgumentException("spring.r2dbc.url must be a PostgreSQL URL: " + r2dbcUrl);
        }
        URI uri = URI.create(rest.replaceFirst("^postgres://", "postgresql://"));
        Map<String, Object> props = new LinkedHashMap<>();
        String user = username;
        String secret = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = user != null ? user : URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length > 1 && secret == null) {
                secret = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        props.put("spring.flyway.url", jdbc.toString());
        if (user != null) {
            props.put("spring.flyway.user", user);
        }
        if (secret != null) {
            props.put("spring.flyway.password", secret);
        }
        return props;
    }
}
