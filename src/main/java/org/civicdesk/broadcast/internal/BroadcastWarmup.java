package org.civicdesk.broadcast.internal;

import java.util.List;

import org.civicdesk.broadcast.Acknowledgement;
import org.civicdesk.broadcast.Notice;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Has Jackson build, at start-up, the readers and writers of what notices travel as. It builds
 * them under a lock on first use, and a second event loop waiting on that lock is a blocked one
 * (seen when a fresh instance takes its first notice while relayed messages arrive).
 */
@Component
class BroadcastWarmup implements SmartInitializingSingleton {

    private final JsonMapper json;

    BroadcastWarmup(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        json.readerFor(NoticeController.NoticeRequest.class);
        for (Class<?> type : List.of(Notice.class, NoticeMessage.class, Progress.Step.class, NoticeViews.Summary.class,
                NoticeViews.Report.class, NoticeViews.ForUnit.class, Acknowledgement.class)) {
            json.writerFor(type);
        }
    }
}
