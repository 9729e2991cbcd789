package org.civicdesk.quota.internal;

import java.util.List;
import java.util.Map;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** A capacity would drop below what is already booked, and staff did not ask to re-accommodate. */
final class CapacityBelowBooked extends DomainFailure {

    CapacityBelowBooked(List<Map<String, Object>> conflicts) {
        super(HttpStatus.CONFLICT, "capacity-below-booked", "Capacity below bookings",
                "新的号源少于已预约人数。如需调整，请选择“重新安排超出的预约”，系统将短信通知相关群众并为其改约最近的空闲时段。",
                "The new capacity is below what is already booked; ask to re-accommodate the excess bookings "
                        + "(their citizens are told by SMS and moved to the nearest free slots).");
        with("conflicts", conflicts);
    }
}
