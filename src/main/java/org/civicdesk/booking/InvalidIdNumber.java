package org.civicdesk.booking;

import java.util.List;
import java.util.Map;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** A resident ID number that is not one: wrong length or characters, checksum, or birth date. */
public final class InvalidIdNumber extends DomainFailure {

    public InvalidIdNumber(String field, String whyZh, String whyEn) {
        super(HttpStatus.BAD_REQUEST, "invalid-id-number", "Invalid ID number",
                "身份证号码无效：" + whyZh + "。请核对后重新填写。", "The resident ID number is not valid: " + whyEn + ".");
        with("errors", List.of(Map.of("field", field, "message", whyZh, "messageEn", whyEn)));
    }
}
