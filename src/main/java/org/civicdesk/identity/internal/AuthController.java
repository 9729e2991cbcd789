package org.civicdesk.identity.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Sign-in for staff, phone verification for citizens. */
@RestController
@Tag(name = "Identity", description = "Staff sign-in and citizens' phone verification")
class AuthController {

    private final StaffLogin login;
    private final CitizenVerification verification;

    AuthController(StaffLogin login, CitizenVerification verification) {
        this.login = login;
        this.verification = verification;
    }

    @PostMapping("/api/v1/auth/login")
    @Operation(summary = "Staff sign-in: a bearer token for the account's roles")
    Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request) {
        return login.login(request.username(), request.password())
                .map(session -> new LoginResponse(session.token().token(), "Bearer", session.token().expiresAt(),
                        session.account().username(), session.account().displayName(),
                        session.account().roles().stream().map(Enum::name).sorted().toList(), session.account().unitId()));
    }

    @PostMapping("/api/v1/citizens/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a 6-digit code to a citizen's phone by SMS")
    Mono<CitizenVerification.Sent> requestCode(@Valid @RequestBody CodeRequest request, ServerWebExchange exchange) {
        return verification.requestCode(request.phone(), clientAddress(exchange));
    }

    @PostMapping("/api/v1/citizens/token")
    @Operation(summary = "Exchange the phone's code for a citizen token bound to that phone")
    Mono<CitizenToken> token(@Valid @RequestBody TokenRequest request) {
        return verification.exchange(request.phone(), request.code())
                .map(issued -> new CitizenToken(issued.token(), "Bearer", issued.expiresAt()));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record LoginResponse(String token, String tokenType, Instant expiresAt, String username, String displayName,
            List<String> roles, @Nullable Long unitId) {
    }

    record CodeRequest(@NotBlank @Size(max = 30) String phone) {
    }

    record TokenRequest(@NotBlank @Size(max = 30) String phone,
            @NotBlank @Pattern(regexp = "\\s*\\d{6}\\s*", message = "must be the 6 digits of the code") String code) {
    }

    record CitizenToken(String token, String tokenType, Instant expiresAt) {
    }
}
