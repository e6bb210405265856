package com.upgradecoordination.platform.deadline;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * The audit facts of what a deadline causes (SPEC A1): the service acts on its own account, the
 * origin names the deadline, the cause is the deadline message, and the correlation id is the one
 * of the request that scheduled the deadline, so the case's flow stays one thread.
 */
public class DeadlineAudit implements CorrelationDataProvider {

    private final Actor serviceAccount;

    public DeadlineAudit(String serviceName) {
        this.serviceAccount = Actor.serviceAccount(serviceName);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof DeadlineMessage<?> deadline)) {
            return Map.of();
        }
        Object scheduledIn = deadline.getMetaData().get(AuditMetadata.CORRELATION_ID);
        Map<String, Object> audit = new HashMap<>();
        audit.put(AuditMetadata.ACTOR, serviceAccount.principal());
        audit.put(AuditMetadata.ACTOR_ROLE, serviceAccount.role());
        audit.put(AuditMetadata.CORRELATION_ID, scheduledIn != null ? scheduledIn : deadline.getIdentifier());
        audit.put(AuditMetadata.CAUSATION_ID, deadline.getIdentifier());
        audit.put(AuditMetadata.ORIGIN, "deadline " + deadline.getDeadlineName());
        return audit;
    }
}
