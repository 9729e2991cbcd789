package org.civicdesk.directory;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Another unit already has this name. */
public final class DuplicateUnit extends DomainFailure {

    public DuplicateUnit(String name) {
        super(HttpStatus.CONFLICT, "duplicate-unit", "Unit exists", "已有名为「" + name + "」的单位。",
                "A unit named '" + name + "' already exists.");
    }
}
