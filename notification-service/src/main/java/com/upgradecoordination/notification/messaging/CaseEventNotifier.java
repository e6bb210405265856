package com.upgradecoordination.notification.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

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
    private static final Logger log = LoggerFactory.getLogger(CaseEventNotifier.class);

    private final RuleNotifier notifier;
    private final Duration caseWait;
    /** event id -> System.nanoTime() when this instance first held it back */
    private final Map<String, Long> heldBackSince = new ConcurrentHashMap<>();

    public CaseEventNotifier(IntegrationEventInbox inbox, CaseDirectory caseDirectory, TicketDirectory ticketDirectory,
                             JsonMapper jsonMapper, ReminderTriggers reminders, RuleNotifier notifier,
                             @Value("${notification.case-wait:10m}") Duration caseWait) {
        this.inbox = inbox;
        this.caseDirectory = caseDirectory;
        this.ticketDirectory = ticketDirectory;
        this.jsonMapper = jsonMapper;
        this.reminders = reminders;
        this.notifier = notifier;
        this.caseWait = caseWait;
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
            if (REVIEW_CONSUMER.equals(consumer)) {
                awaitTheEngagement(envelope);
            }
            rememberWhoIsInvolved(envelope);
            reminders.react(envelope, audit);
            notifier.notify(envelope.caseId(), envelope.eventId(), envelope.type(), envelope.payload(), audit);
        });
    }

    /**
     * An event of review-service about an engagement (its payload's {@code engagementId} is the case)
     * may arrive before the engagement's {@code EngagementOpened}, which comes on the other topic
     * through another consumer: after a restart, or while that consumer catches up, the review
     * topic's few records are read long before the coordination topic's many. Decided then, its rules
     * would find no CSM and tell nobody. So it is held back: the exception rolls the inbox's
     * transaction back and the listener receives the record again after its back-off, until the case
     * is known. An engagement is always opened first, so the wait ends; should the opening never come
     * (it was rejected), the event is decided without it after {@code notification.case-wait}.
     */
    private void awaitTheEngagement(EventEnvelope envelope) {
        JsonNode engagementId = envelope.payload() == null ? null : envelope.payload().get("engagementId");
        if (engagementId == null || !engagementId.isString() || !engagementId.asString().equals(envelope.caseId())
                || caseDirectory.find(envelope.caseId()).isPresent()) {
            heldBackSince.remove(envelope.eventId());
            return;
        }
        long since = heldBackSince.computeIfAbsent(envelope.eventId(), id -> System.nanoTime());
        if (System.nanoTime() - since < caseWait.toNanos()) {
            throw new CaseNotYetKnownException(envelope);
        }
        heldBackSince.remove(envelope.eventId());
        log.warn("Case {} is still unknown after {}: {} {} is decided without it", envelope.caseId(), caseWait,
                envelope.type(), envelope.eventId());
    }

    /** Holds an event back until its engagement's opening has been handled; the listener retries it. */
    static final class CaseNotYetKnownException extends IllegalStateException {
        CaseNotYetKnownException(EventEnvelope envelope) {
            super("Case " + envelope.caseId() + " is not known yet: " + envelope.type() + " " + envelope.eventId()
                    + " waits for the engagement's EngagementOpened", null);
        }
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
