package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.inbox.AuditedCommands;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people about a fired reminder through the same rule table as every other event: the
 * reminder's {@code ReminderFired} contract is decided on like a Kafka record, and the
 * notifications' ids derive from the firing event's id, so each firing is told once per
 * (recipient, channel) however often this processor sees it. A replay sends nothing.
 */
@Component
@DisallowReplay
@ProcessingGroup(ReminderNotifier.PROCESSING_GROUP)
public class ReminderNotifier {

    public static final String PROCESSING_GROUP = "reminder-notifications";

    private final NotificationIntegrationEvents contracts;
    private final RuleNotifier notifier;
    private final JsonMapper jsonMapper;
    private final CommandGateway commandGateway;
    private final Actor serviceAccount;

    public ReminderNotifier(NotificationIntegrationEvents contracts, RuleNotifier notifier, JsonMapper jsonMapper,
                            CommandGateway commandGateway, @Value("${spring.application.name}") String serviceName) {
        this.contracts = contracts;
        this.notifier = notifier;
        this.jsonMapper = jsonMapper;
        this.commandGateway = commandGateway;
        this.serviceAccount = Actor.serviceAccount(serviceName);
    }

    @EventHandler
    void on(ReminderFiredEvent event, EventMessage<?> message,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        OutboundIntegrationEvent contract = contracts.translate(event).orElseThrow();
        String type = IntegrationEventCatalog.contractOf(contract.payload().getClass()).type();
        AuditMetadata audit = new AuditMetadata(serviceAccount,
                correlationId == null ? message.getIdentifier() : correlationId, message.getIdentifier(),
                "reminder " + event.kind());
        notifier.notify(event.caseId(), message.getIdentifier(), type, jsonMapper.valueToTree(contract.payload()),
                new AuditedCommands(commandGateway, audit));
    }
}
