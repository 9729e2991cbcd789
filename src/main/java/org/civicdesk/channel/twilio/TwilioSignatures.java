package org.civicdesk.channel.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;
import org.civicdesk.platform.Platform;
import org.civicdesk.sms.TwilioSettings;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's validator against the URL Twilio called: the
 * configured public URL behind a proxy, otherwise the request's own.
 */
@Component
class TwilioSignatures {

    private final TwilioSettings twilio;
    private final Platform platform;

    TwilioSignatures(TwilioSettings twilio, Platform platform) {
        this.twilio = twilio;
        this.platform = platform;
    }

    boolean valid(ServerHttpRequest request, MultiValueMap<String, String> form) {
        String token = twilio.authToken();
        String signature = request.getHeaders().getFirst("X-Twilio-Signature");
        if (token == null || token.isBlank() || signature == null) {
            return false;
        }
        Map<String, String> params = new LinkedHashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return new RequestValidator(token).validate(url(request), params, signature);
    }

    String url(ServerHttpRequest request) {
        String base = twilio.publicBaseUrl() != null ? twilio.publicBaseUrl() : platform.settings().publicBaseUrl();
        if (base == null || base.isBlank()) {
            return request.getURI().toString();
        }
        String query = request.getURI().getRawQuery();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getURI().getRawPath()
                + (query == null ? "" : "?" + query);
    }
}
