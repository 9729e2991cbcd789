package org.civicdesk.directory;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The unit still has staff accounts, so deleting it would leave them without a unit. */
public final class UnitInUse extends DomainFailure {

    public UnitInUse(long id) {
        super(HttpStatus.CONFLICT, "unit-in-use", "Unit in use",
                "该单位仍有工作人员账号，请先停用或转移这些账号。",
                "Unit " + id + " still has staff accounts; move or disable them first.");
    }
}
