package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.domain.CaseFacts;
import com.upgradecoordination.notification.domain.NotificationRules;
import com.upgradecoordination.notification.readmodel.CaseDirectory;
import com.upgradecoordination.notification.readmodel.RecipientDirectory;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the cases' events into notifications (SPEC N1, N4): each event once per consumer through
 * the inbox, then the rule table decides who is told what, and one {@link SendNotificationCommand}
 * per (recipient, channel) is sent. Email and webhook notifications go only to recipients with
 * that address set; the delivery worker sends them. Records that are no envelopes go to the
 * dead-letter topic ({@link DeadLetterConsumerConfiguration}).
 */
@Component
public class CaseEventNotifier {

    static final String COORDINATION_CONSUMER = "coordination-notifications";
    static final String REVIEW_CONSUMER = "review-notifications";

    private static final Logger log = LoggerFactory.getLogger(CaseEventNotifier.class);

    private final IntegrationEventInbox inbox;
    private final CaseDirectory caseDirectory;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;
    private final NotificationRules rules;
    private final RecipientDirectory recipients;

    public CaseEventNotifier(IntegrationEventInbox inbox, CaseDirectory caseDirectory, CommandGateway commandGateway,
                             JsonMapper jsonMapper, NotificationRules rules, RecipientDirectory recipients) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.rules = rules;
        this.caseDirectory = caseDirectory;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "notification-coordination-events", topics = Topics.COORDINATION,
            containerFactory = DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
    public void onCoordinationEvent(ConsumerRecord<String, EventEnvelope> record) {
        handle(COORDINATION_CONSUMER, record);
    }

    @KafkaListener(id = "notification-review-events", topics = Topics.REVIEW,
            containerFactory = DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
    public void onReviewEvent(ConsumerRecord<String, EventEnvelope> record) {
        handle(REVIEW_CONSUMER, record);
    }

    private void handle(String consumer, ConsumerRecord<String, EventEnvelope> record) {
        // Values that can never become a notification are recorded by the inbox as REJECTED, not retried.
        inbox.handleOnce(consumer, record, (envelope, audit) -> {
            if (envelope.isOfType(EngagementOpened.class)) {
                EngagementOpened opened = jsonMapper.treeToValue(envelope.payload(), EngagementOpened.class);
                caseDirectory.remember(envelope.caseId(), opened.csm(), opened.customerOrganisation(),
                        envelope.eventId());
            }
            notify(envelope, audit);
        });
    }

    /** The recipient's address on the notice's channel; null for the inbox, and when none is set. */
    private String addressFor(NotificationRules.Notice notice) {
        if (notice.channel() == Channel.INBOX) {
            return null;
        }
        return recipients.addressesOf(notice.recipient())
                .map(addresses -> notice.channel() == Channel.EMAIL ? addresses.email() : addresses.webhookUrl())
                .orElse(null);
    }

    private void notify(EventEnvelope envelope, AuditMetadata audit) {
        CaseFacts facts = caseDirectory.find(envelope.caseId()).orElseGet(() -> CaseFacts.unknown(envelope.caseId()));
        NotificationRules.Decision decision = rules.decide(envelope.type(), envelope.payload(), facts);
        for (NotificationRules.Rule rule : decision.unresolved()) {
            log.info("No {} known for case {}: {} {} is not notified to them", rule.to(), envelope.caseId(),
                    envelope.type(), envelope.eventId());
        }
        for (NotificationRules.Notice notice : decision.notices()) {
            String address = addressFor(notice);
            if (notice.channel() != Channel.INBOX && address == null) {
                log.debug("{} has no {} address: {} {} reaches them on their other channels", notice.recipient(),
                        notice.channel(), envelope.type(), envelope.eventId());
                continue;
            }
            var command = SendNotificationCommand.of(envelope.caseId(), envelope.eventId(), envelope.type(),
                    notice.recipient(), notice.channel(), address, notice.message());
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
        }
    }
}
