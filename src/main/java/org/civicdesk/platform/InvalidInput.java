package org.civicdesk.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Input that passed the JSON schema but not the rules, reported with the field it concerns so
 * that a form can show the message next to it.
 */
public final class InvalidInput extends DomainFailure {

    public InvalidInput(String slug, String field, String detailZh, String detailEn) {
        super(HttpStatus.BAD_REQUEST, slug, "Invalid input", detailZh, detailEn);
        with("errors", List.of(Map.of("field", field, "message", detailZh, "messageEn", detailEn)));
    }
}
