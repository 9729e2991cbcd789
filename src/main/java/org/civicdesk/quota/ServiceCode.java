package org.civicdesk.quota;

/**
 * The services citizens book, as quota counts them. The booking module describes them (names,
 * offices, party rules); quota needs only their codes, and which staff role manages each.
 */
public enum ServiceCode {

    /** 婚姻登记 at the marriage registry. */
    MARRIAGE_REGISTRATION("REGISTRY_STAFF"),
    /** 告别仪式 in a hall of the funeral home. */
    FAREWELL_CEREMONY("FUNERAL_STAFF"),
    /** 火化 at the funeral home. */
    CREMATION("FUNERAL_STAFF"),
    /** 遗体接运 by one of the funeral home's vehicles. */
    BODY_TRANSPORT("FUNERAL_STAFF");

    private final String staffRole;

    ServiceCode(String staffRole) {
        this.staffRole = staffRole;
    }

    /** The staff role (besides the command group) that manages this service's quotas and check-in. */
    public String staffRole() {
        return staffRole;
    }
}
