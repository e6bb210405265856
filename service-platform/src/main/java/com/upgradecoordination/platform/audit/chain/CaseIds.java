package com.upgradecoordination.platform.audit.chain;

import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Which upgrade case an event belongs to, as the service's own {@link IntegrationEventTranslator}
 * says when it publishes the event: the one place every service already names the case. Events it
 * does not publish inherit the case from their aggregate's earlier links (see {@link EventHashChain}).
 */
public class CaseIds {

    private final ObjectProvider<IntegrationEventTranslator> translators;
    /**
     * The translators, looked up once: asking the bean factory on every append was ~6% of a command
     * thread's CPU under load (issue 13). Not kept while none is found, in case an event is stored
     * before the translators exist.
     */
    private volatile List<IntegrationEventTranslator> found = List.of();

    public CaseIds(ObjectProvider<IntegrationEventTranslator> translators) {
        this.translators = translators;
    }

    /** Event id to case id, for the events whose case the translator names. */
    Map<String, String> of(List<? extends EventMessage<?>> events) {
        Map<String, String> caseIds = new HashMap<>();
        for (EventMessage<?> event : events) {
            caseOf(event.getPayload()).ifPresent(caseId -> caseIds.put(event.getIdentifier(), caseId));
        }
        return caseIds;
    }

    private Optional<String> caseOf(Object payload) {
        for (IntegrationEventTranslator translator : translators()) {
            try {
                Optional<String> caseId = translator.translate(payload).map(OutboundIntegrationEvent::caseId);
                if (caseId.isPresent()) {
                    return caseId;
                }
            } catch (RuntimeException notTranslatable) {
                // The case id is a finding aid, never a reason to refuse storing an event.
            }
        }
        return Optional.empty();
    }

    private List<IntegrationEventTranslator> translators() {
        List<IntegrationEventTranslator> known = found;
        if (known.isEmpty()) {
            known = translators.stream().toList();
            found = known;
        }
        return known;
    }
}
