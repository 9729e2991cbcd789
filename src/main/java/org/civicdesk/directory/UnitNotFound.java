package org.civicdesk.directory;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** No unit has this number. */
public final class UnitNotFound extends DomainFailure {

    public UnitNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "unit-not-found", "Unit not found", "没有编号为 " + id + " 的单位。",
                "There is no unit " + id + ".");
    }
}
