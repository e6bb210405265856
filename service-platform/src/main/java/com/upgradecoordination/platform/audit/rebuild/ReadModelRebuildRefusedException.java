package com.upgradecoordination.platform.audit.rebuild;

import com.upgradecoordination.platform.domain.RuleViolationException;

/** A rebuild that was refused before anything changed; answered 409 with the rule's name. */
public class ReadModelRebuildRefusedException extends RuleViolationException {

    /** A processing group that is not a read model (the Kafka relay, a saga) is never reset. */
    public static final String NOT_A_READ_MODEL = "not-a-read-model";

    /** Axon resets a processor's shared tokens only when no other instance holds one of its segments. */
    public static final String HELD_BY_ANOTHER_INSTANCE = "read-model-held-by-another-instance";

    private ReadModelRebuildRefusedException(String rule, String reason) {
        super(rule, reason);
    }

    static ReadModelRebuildRefusedException notAReadModel(String processingGroup, String why) {
        return new ReadModelRebuildRefusedException(NOT_A_READ_MODEL,
                "Processing group " + processingGroup + " cannot be rebuilt: " + why);
    }

    static ReadModelRebuildRefusedException heldByAnotherInstance(String processingGroup) {
        return new ReadModelRebuildRefusedException(HELD_BY_ANOTHER_INSTANCE,
                "The rebuild of " + processingGroup + " could not start: another instance of this service holds "
                        + "segments of its event processor, and its position can only be reset while no other "
                        + "instance holds one. Nothing was changed: the read model keeps its data and its "
                        + "processor goes on as before. Ask again (with a new Idempotency-Key if you send one): the "
                        + "request may reach the instance that holds them. Or scale the service to one instance for "
                        + "the rebuild "
                        + "(docs/operations.md, \"Rebuilding a read model with several replicas\").");
    }
}
