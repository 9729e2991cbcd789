package org.civicdesk.quota;

import java.time.LocalDate;

import org.civicdesk.platform.DomainFailure;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Nobody opened this day for booking, staff closed it, or the risk level suspends the service. */
public final class DayClosed extends DomainFailure {

    public DayClosed(LocalDate date, @Nullable String reason) {
        super(HttpStatus.CONFLICT, "day-closed", "Day closed",
                date + " 不接受预约" + (reason == null ? "。" : "：" + reason + "。"),
                "No bookings are taken on " + date + (reason == null ? "." : ": " + reason + "."));
        with("date", date.toString());
        if (reason != null) {
            with("reason", reason);
        }
    }
}
