package org.civicdesk.sms.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's HTTP client, sending every request to a configured base URL instead of
 * {@code https://api.twilio.com}: the SDK has no such setting, and tests (and regional or proxy
 * deployments) need one. Everything else about the request is kept: method, path, query, form,
 * headers, authentication and body.
 */
final class BaseUrlHttpClient extends HttpClient {

    private final String baseUrl;
    private final NetworkHttpClient delegate;

    BaseUrlHttpClient(String baseUrl, NetworkHttpClient delegate) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.delegate = delegate;
    }

    /**
     * One attempt only: the outbox retries with its own backoff and counts every attempt, which
     * the SDK's built-in retry (a sleeping thread) would hide.
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.getUrl());
        String path = original.getRawPath() == null ? "" : original.getRawPath();
        Request rebased = new Request(request.getMethod(), baseUrl + path);
        copy(request.getQueryParams(), rebased::addQueryParam);
        copy(request.getPostParams(), rebased::addPostParam);
        copy(request.getHeaderParams(), rebased::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            rebased.setAuth(request.getAuthStrategy());
        }
        else if (request.getUsername() != null) {
            rebased.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getContentType() != null) {
            rebased.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rebased.setBody(request.getBody());
        }
        if (request.getFormParameters() != null) {
            rebased.setFormParameters(request.getFormParameters());
        }
        return delegate.makeRequest(rebased);
    }

    private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
