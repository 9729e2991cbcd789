package org.civicdesk.platform.internal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.civicdesk.platform.PhoneNumbers;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads at start-up what libraries would otherwise read from their jars on first use, on
 * whichever event-loop thread happened to need it: phone-number metadata for every region and
 * the validator's message bundle. About a tenth of a second, once.
 */
@Component
class Warmup implements SmartInitializingSingleton {

    private final Validator validator;

    Warmup(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        PhoneNumbers.warmUp();
        validator.validate(new Probe(""));
    }

    /** A value with one violated constraint, so the message bundle is read. */
    record Probe(@NotBlank String value) {
    }
}
