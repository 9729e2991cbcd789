package org.civicdesk.risk;

import java.util.List;

/**
 * What one kind of unit must follow at one risk level.
 *
 * @param title      the guideline's title, such as 《养老机构新冠肺炎疫情常态化防控指南》
 * @param procedures the checklist a unit works through
 */
public record Guideline(String title, List<String> procedures) {

    public Guideline {
        procedures = List.copyOf(procedures);
    }
}
