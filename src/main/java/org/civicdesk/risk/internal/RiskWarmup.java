package org.civicdesk.risk.internal;

import java.util.List;

import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskStatus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Has Jackson build, at start-up, the readers and writers of the risk API and of the profiles kept
 * as JSON, rather than under its lock on an event loop at the first request.
 */
@Component
class RiskWarmup implements SmartInitializingSingleton {

    private final JsonMapper json;

    RiskWarmup(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        json.readerFor(RiskController.SetLevel.class);
        json.readerFor(RiskProfileController.ProfileRequest.class);
        json.readerFor(RiskRepository.FACTORS);
        json.readerFor(RiskRepository.GUIDELINES);
        for (Class<?> type : List.of(DistrictView.class, RiskProfile.class, RiskLevelChanged.class, RiskStatus.class,
                RiskController.LevelSet.class)) {
            json.writerFor(type);
        }
    }
}
