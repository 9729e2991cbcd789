package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** A party will not have reached the legal marriage age (22 for men, 20 for women) on the day. */
public final class UnderMarriageAge extends DomainFailure {

    public UnderMarriageAge(String field, int minimum) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "under-marriage-age", "Under the legal marriage age",
                "预约当日一方未达法定婚龄（男 22 周岁，女 20 周岁），不能办理结婚登记。",
                "On the appointment day a party is under the legal marriage age (" + minimum + ").");
        with("field", field);
        with("minimumAge", minimum);
    }
}
