package com.upgradecoordination.platform.audit.rebuild;

import com.upgradecoordination.platform.domain.RuleViolationException;

/** A processing group that is not a read model (the Kafka relay, a saga) is never reset. */
public class ReadModelRebuildRefusedException extends RuleViolationException {

    public ReadModelRebuildRefusedException(String processingGroup, String why) {
        super("not-a-read-model", "Processing group " + processingGroup + " cannot be rebuilt: " + why);
    }
}
