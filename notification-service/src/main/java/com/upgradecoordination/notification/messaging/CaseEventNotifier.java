package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.review.CsmAddedAsFollower;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketHandedOff;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import com.upgradecoordination.notification.readmodel.CaseDirectory;
import com.upgradecoordination.notification.readmodel.TicketDirectory;
import com.upgradecoordination.platform.inbox.InboundEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the cases' events into notifications and reminders (SPEC N1, N3, N4): each event once per
 * consumer through the inbox ({@link CaseEventSubscriptions}); in that one transaction the case and
 * ticket directories learn who is involved, reminders are scheduled, moved or cancelled
 * ({@link ReminderTriggers}), and the rule table's notifications are sent ({@link RuleNotifier}).
 * Records that are no envelopes go to the dead-letter topic ({@link DeadLetterConsumerConfiguration}).
 */
@Component
public class CaseEventNotifier {

    private static final Logger log = LoggerFactory.getLogger(CaseEventNotifier.class);

    private final CaseDirectory caseDirectory;
    private final TicketDirectory ticketDirectory;
    private final ReminderTriggers reminders;
    private final RuleNotifier notifier;
    private final Duration caseWait;
    /** event id -> System.nanoTime() when this instance first held it back */
    private final Map<String, Long> heldBackSince = new ConcurrentHashMap<>();

    public CaseEventNotifier(CaseDirectory caseDirectory, TicketDirectory ticketDirectory, ReminderTriggers reminders,
                             RuleNotifier notifier, @Value("${notification.case-wait:10m}") Duration caseWait) {
        this.caseDirectory = caseDirectory;
        this.ticketDirectory = ticketDirectory;
        this.reminders = reminders;
        this.notifier = notifier;
        this.caseWait = caseWait;
    }

    /** An event of coordination-service: its engagement is its case. */
    void onCoordinationEvent(InboundEvent inbound) {
        decide(inbound);
    }

    /** An event of review-service, once the engagement it names is known. */
    void onReviewEvent(InboundEvent inbound) {
        awaitTheEngagement(inbound.envelope());
        decide(inbound);
    }

    private void decide(InboundEvent inbound) {
        EventEnvelope envelope = inbound.envelope();
        rememberWhoIsInvolved(inbound);
        reminders.react(inbound);
        notifier.notify(envelope.caseId(), envelope.eventId(), envelope.type(), envelope.payload(), inbound.commands());
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
    private void rememberWhoIsInvolved(InboundEvent inbound) {
        EventEnvelope envelope = inbound.envelope();
        String caseId = envelope.caseId();
        if (envelope.isOfType(EngagementOpened.class)) {
            EngagementOpened opened = inbound.payloadAs(EngagementOpened.class);
            caseDirectory.remember(caseId, opened.csm(), opened.customerOrganisation(), envelope.eventId());
        } else if (envelope.isOfType(UpgradeAssistanceRequested.class)) {
            UpgradeAssistanceRequested requested = inbound.payloadAs(UpgradeAssistanceRequested.class);
            if (requested.organisation() != null && !requested.organisation().isBlank()) {
                ticketDirectory.rememberOrganisation(requested.ticketId(), caseId, requested.organisation());
            }
        } else if (envelope.isOfType(TicketAssigned.class)) {
            TicketAssigned assigned = inbound.payloadAs(TicketAssigned.class);
            ticketDirectory.rememberAssignedEngineer(assigned.ticketId(), caseId, assigned.assignee());
        } else if (envelope.isOfType(TicketHandedOff.class)) {
            TicketHandedOff handedOff = inbound.payloadAs(TicketHandedOff.class);
            ticketDirectory.rememberAssignedEngineer(handedOff.ticketId(), caseId, handedOff.toEngineer());
        } else if (envelope.isOfType(CsmAddedAsFollower.class)) {
            CsmAddedAsFollower following = inbound.payloadAs(CsmAddedAsFollower.class);
            ticketDirectory.rememberCsm(following.ticketId(), caseId, following.csm());
        }
    }
}
