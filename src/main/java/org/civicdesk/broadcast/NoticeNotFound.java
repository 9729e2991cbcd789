package org.civicdesk.broadcast;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** No such notice, or none the caller may see. */
public final class NoticeNotFound extends DomainFailure {

    public NoticeNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "notice-not-found", "Notice not found", "没有编号为 " + id + " 的通知。",
                "There is no notice " + id + " for you.");
    }
}
