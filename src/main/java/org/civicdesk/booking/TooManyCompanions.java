package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** More companions than the risk level in force allows. */
public final class TooManyCompanions extends DomainFailure {

    public TooManyCompanions(int asked, int allowed, String riskLevel) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-companions", "Too many companions",
                "当前疫情防控要求每个预约最多 " + allowed + " 名陪同人员，您填写了 " + asked + " 名。",
                "At the current risk level a booking may bring at most " + allowed + " companions, not " + asked + ".");
        with("maxCompanions", allowed);
        with("riskLevel", riskLevel);
    }
}
