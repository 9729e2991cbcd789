package org.civicdesk.broadcast;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Only a member of a unit acknowledges for it. */
public final class NotAUnitMember extends DomainFailure {

    public NotAUnitMember() {
        super(HttpStatus.FORBIDDEN, "not-a-unit-member", "Not a unit member", "只有单位成员可以签收通知。",
                "Only a member of a unit acknowledges notices for it.");
    }
}
