package org.civicdesk.directory;

/** What a staff account may do. */
public enum StaffRole {

    /** The bureau's epidemic-control command group: risk levels, notices, everything. */
    ADMIN,
    /** Marriage registry staff: marriage registration quotas and check-in. */
    REGISTRY_STAFF,
    /** Funeral home staff: farewell hall, cremation and vehicle quotas and check-in. */
    FUNERAL_STAFF,
    /** A member of one unit: reads and acknowledges the notices sent to it. */
    UNIT_MEMBER
}
