package org.civicdesk.channel.internal;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** A webhook request without a valid signature (or too old to be a fresh one): it has no effect. */
public final class ForgedRequest extends DomainFailure {

    public ForgedRequest() {
        super(HttpStatus.FORBIDDEN, "invalid-signature", "Invalid signature", "请求签名无效或已过期。",
                "The request's signature is missing, wrong or too old.");
    }
}
