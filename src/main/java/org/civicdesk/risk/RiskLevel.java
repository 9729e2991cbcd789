package org.civicdesk.risk;

/** The three levels of the bureau's epidemic-control notice. */
public enum RiskLevel {

    /** No local cases: routine prevention (常态化防控). */
    NORMAL("常态化防控"),
    /** Sporadic local cases, none inside the unit (零星散发). */
    SPORADIC("零星散发"),
    /** A high-risk area, or an infection inside the unit (高风险或机构内感染). */
    HIGH("高风险或机构内感染");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this level is stricter than another. */
    public boolean stricterThan(RiskLevel other) {
        return ordinal() > other.ordinal();
    }
}
