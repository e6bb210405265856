package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.review.CsmAddedAsFollower;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketHandedOff;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import com.upgradecoordination.notification.readmodel.CaseDirectory;
import com.upgradecoordination.notification.readmodel.TicketDirectory;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the cases' events into notifications and reminders (SPEC N1, N3, N4): each event once per
 * consumer through the inbox; in that one transaction the case and ticket directories learn who is
 * involved, reminders are scheduled, moved or cancelled ({@link ReminderTriggers}), and the rule
 * table's notifications are sent ({@link RuleNotifier}). Records that are no envelopes go to the
 * dead-letter topic ({@link DeadLetterConsumerConfiguration}).
 */
@Component
public class CaseEventNotifier {

    static final String COORDINATION_CONSUMER = "coordination-notifications";
    static final String REVIEW_CONSUMER = "review-notifications";

    private final IntegrationEventInbox inbox;
    private final CaseDirectory caseDirectory;
    private final TicketDirectory ticketDirectory;
    private final JsonMapper jsonMapper;
    private final ReminderTriggers reminders;
    private final RuleNotifier notifier;

    public CaseEventNotifier(IntegrationEventInbox inbox, CaseDirectory caseDirectory, TicketDirectory ticketDirectory,
                             JsonMapper jsonMapper, ReminderTriggers reminders, RuleNotifier notifier) {
        this.inbox = inbox;
        this.caseDirectory = caseDirectory;
        this.ticketDirectory = ticketDirectory;
        this.jsonMapper = jsonMapper;
        this.reminders = reminders;
        this.notifier = notifier;
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
            rememberWhoIsInvolved(envelope);
            reminders.react(envelope, audit);
            notifier.notify(envelope.caseId(), envelope.eventId(), envelope.type(), envelope.payload(), audit);
        });
    }

    /** Before the rules are decided, so an assignment or handoff is told to the engineer it names. */
    private void rememberWhoIsInvolved(EventEnvelope envelope) {
        String caseId = envelope.caseId();
        if (envelope.isOfType(EngagementOpened.class)) {
            EngagementOpened opened = jsonMapper.treeToValue(envelope.payload(), EngagementOpened.class);
            caseDirectory.remember(caseId, opened.csm(), opened.customerOrganisation(), envelope.eventId());
        } else if (envelope.isOfType(UpgradeAssistanceRequested.class)) {
            UpgradeAssistanceRequested requested = jsonMapper.treeToValue(envelope.payload(),
                    UpgradeAssistanceRequested.class);
            if (requested.organisation() != null && !requested.organisation().isBlank()) {
                ticketDirectory.rememberOrganisation(requested.ticketId(), caseId, requested.organisation());
            }
        } else if (envelope.isOfType(TicketAssigned.class)) {
            TicketAssigned assigned = jsonMapper.treeToValue(envelope.payload(), TicketAssigned.class);
            ticketDirectory.rememberAssignedEngineer(assigned.ticketId(), caseId, assigned.assignee());
        } else if (envelope.isOfType(TicketHandedOff.class)) {
            TicketHandedOff handedOff = jsonMapper.treeToValue(envelope.payload(), TicketHandedOff.class);
            ticketDirectory.rememberAssignedEngineer(handedOff.ticketId(), caseId, handedOff.toEngineer());
        } else if (envelope.isOfType(CsmAddedAsFollower.class)) {
            CsmAddedAsFollower following = jsonMapper.treeToValue(envelope.payload(), CsmAddedAsFollower.class);
            ticketDirectory.rememberCsm(following.ticketId(), caseId, following.csm());
        }
    }
}
