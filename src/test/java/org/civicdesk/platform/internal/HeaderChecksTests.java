package org.civicdesk.platform.internal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** Our header checks give Spring Security's answers, on ordinary and hostile headers alike. */
class HeaderChecksTests {

    private static final List<String> TEXTS = List.of("", "application/json", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc-_~+/=",
            "text\twith a tab", "bell\u0007", "nul\u0000", "del\u007f", "c1\u0085", "民政通 预约", "emoji \uD83D\uDE00",
            "lone \uD83D surrogate", "unassigned \u0378", "private \uE000", "line\nbreak", "cr\r", "zero-width \u200B");

    private static final List<String> AUTHORIZATIONS = List.of("Bearer abc", "bearer abc", "BEARER abc", "Bearer a.b-c_d~e+f/g==",
            "Bearer abc=", "Bearer abc=d", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer a bc", "Bearer =",
            "Bearer ab\tc", "Bearerabc", "Bearer:abc", "Basic dXNlcjpwYXNz", "Token abc", "bearer", "Bear abc",
            "Bearer 民政通", "Bearer abc\u0000");

    @Test
    void headerNamesAndValuesAreAllowedExactlyAsByTheStrictFirewall() {
        for (String text : TEXTS) {
            assertThat(HeaderChecks.name(text)).as("name %s", text)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderChecks.value(text)).as("value %s", text)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
        assertThat(HeaderChecks.name(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
        assertThat(HeaderChecks.value(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
    }

    @Test
    void bearerTokensAreReadOrRefusedExactlyAsBySpringsConverter() {
        ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationConverter ours = HeaderChecks.bearerTokens();
        for (String authorization : AUTHORIZATIONS) {
            assertThat(outcome(ours, authorization)).as(authorization).isEqualTo(outcome(spring, authorization));
        }
        assertThat(outcome(ours, "Bearer a.b-c_d~e+f/g==")).isEqualTo("token a.b-c_d~e+f/g==");
        assertThat(outcome(ours, "Bearer a bc")).startsWith("error");
        assertThat(outcome(ours, null)).isEqualTo(outcome(spring, null)).isEqualTo("none");
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/bookings");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return converter.convert(MockServerWebExchange.from(request))
                .map(HeaderChecksTests::token)
                .onErrorResume(ex -> Mono.just("error " + ex.getClass().getSimpleName() + " " + ex.getMessage()))
                .defaultIfEmpty("none")
                .block(Duration.ofSeconds(5));
    }

    private static String token(Authentication authentication) {
        return "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
    }
}
