package org.civicdesk.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure that is the caller's to fix, named as a fact ({@code SlotFull}), answered as an
 * RFC 9457 problem with a stable {@code type} and a detail in the caller's language.
 */
public abstract class DomainFailure extends RuntimeException {

    /** Where the problem types live; a type is this plus its slug, such as {@code slot-full}. */
    public static final String TYPE_BASE = "https://civicdesk.org/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final String detailZh;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param status   the HTTP status
     * @param slug     the stable problem type, such as {@code slot-full}
     * @param title    a short English summary, the same for every occurrence of this type
     * @param detailZh what happened, in Chinese
     * @param detailEn what happened, in English
     */
    protected DomainFailure(HttpStatus status, String slug, String title, String detailZh, String detailEn) {
        // An expected answer (a full slot in a flash crowd, say), not a fault: no stack trace to
        // fill in, which on a deep reactive stack costs more than the answer itself.
        super(detailEn, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detailZh = detailZh;
    }

    /** Adds a problem extension member, such as {@code retryAfterSeconds}. */
    public DomainFailure with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public String title() {
        return title;
    }

    /** The detail in Chinese unless the caller asked for English. */
    public String detail(Locale locale) {
        return "en".equals(locale.getLanguage()) ? getMessage() : detailZh;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // A domain failure is an answer, not a bug: its stack trace is never read.
        return this;
    }
}
