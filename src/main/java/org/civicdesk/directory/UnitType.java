package org.civicdesk.directory;

/** The kinds of unit the bureau's epidemic-control notice addresses. */
public enum UnitType {

    /** 民政局各科室: the bureau's own sections. */
    BUREAU_SECTION("局机关科室"),
    /** 各二级单位: secondary units under the bureau. */
    SECONDARY_UNIT("二级单位"),
    /** 各养老服务机构: elderly-care homes. */
    ELDERLY_CARE_HOME("养老服务机构"),
    /** 殡仪馆: the funeral home. */
    FUNERAL_HOME("殡仪馆"),
    /** 婚姻登记机关: the marriage registry. */
    MARRIAGE_REGISTRY("婚姻登记机关");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    /** The Chinese name of this kind of unit. */
    public String label() {
        return label;
    }
}
