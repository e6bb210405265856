package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.review.CsmAddedAsFollower;
import com.upgradecoordination.events.review.MigrationProblemNoted;
import com.upgradecoordination.events.review.MigrationProblemTicketOpened;
import com.upgradecoordination.events.review.MissingInformationRequested;
import com.upgradecoordination.events.review.OnHoldExpired;
import com.upgradecoordination.events.review.PostponementRecommended;
import com.upgradecoordination.events.review.RequiredInformationComplete;
import com.upgradecoordination.events.review.ReviewCallHeld;
import com.upgradecoordination.events.review.ReviewCallLinkOverdue;
import com.upgradecoordination.events.review.ReviewCallLinkRefused;
import com.upgradecoordination.events.review.ReviewCallLinkSent;
import com.upgradecoordination.events.review.ReviewCallMissed;
import com.upgradecoordination.events.review.ReviewCallRequested;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketDeficiency;
import com.upgradecoordination.events.review.TicketHandedOff;
import com.upgradecoordination.events.review.TicketStatusChanged;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import com.upgradecoordination.events.review.UpgradeOutcomeReported;
import com.upgradecoordination.events.review.UpgradeRescheduled;
import com.upgradecoordination.events.review.UpgradeScheduled;
import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkRefusedEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketClosedEvent;
import com.upgradecoordination.review.api.TicketEvent;
import com.upgradecoordination.review.api.TicketHandedOffEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import com.upgradecoordination.review.domain.Ticket;
import com.upgradecoordination.platform.relay.ContractTranslations;

/**
 * Which ticket events are published, and as which contract (the notification service reacts to
 * them); the others stay inside Support on purpose. The record key is the ticket's case: its
 * engagement, or the ticket itself.
 */
final class TicketIntegrationEvents {

    static final ContractTranslations TABLE = ContractTranslations.of(TicketEvent.class, TicketEvent::caseId)
            .publish(UpgradeAssistanceRequestedEvent.class, e -> {
                UpgradeRequestDetails d = e.details();
                return new UpgradeAssistanceRequested(e.ticketId(), engagementOf(e), e.form().name(),
                        e.priority().name(), e.organisation(), d.currentVersion(), d.targetVersion(), d.upgradeDate(),
                        d.upgradeTime(), d.upgradeTimezone(), Ticket.upgradeInstantOf(d), d.contactEmail());
            })
            .publish(TicketOpenedForMigrationProblemEvent.class, e -> new MigrationProblemTicketOpened(e.ticketId(),
                    engagementOf(e), e.problemId()))
            .publish(MigrationProblemNotedEvent.class, e -> new MigrationProblemNoted(e.ticketId(), engagementOf(e),
                    e.problemId()))
            .publish(TicketAssignedEvent.class, e -> new TicketAssigned(e.ticketId(), engagementOf(e), e.assignee()))
            .publish(CsmAddedAsFollowerEvent.class, e -> new CsmAddedAsFollower(e.ticketId(), engagementOf(e), e.csm(),
                    e.source().name()))
            .publish(MissingInformationRequestedEvent.class, e -> new MissingInformationRequested(e.ticketId(),
                    engagementOf(e), e.deficiencies().stream()
                            .map(d -> new TicketDeficiency(d.field(), d.kind().name(), d.message()))
                            .toList()))
            .publish(RequiredInformationCompleteEvent.class, e -> new RequiredInformationComplete(e.ticketId(),
                    engagementOf(e)))
            .publish(ReviewCallRequestedEvent.class, e -> new ReviewCallRequested(e.ticketId(), engagementOf(e),
                    e.upgradeAt(), e.linkDueBy()))
            .publish(ReviewCallLinkSentEvent.class, e -> new ReviewCallLinkSent(e.ticketId(), engagementOf(e),
                    e.upgradeAt(), e.sentAt(), e.timing().name(), e.warning()))
            .publish(ReviewCallLinkRefusedEvent.class, e -> new ReviewCallLinkRefused(e.ticketId(), engagementOf(e),
                    e.upgradeAt(), e.attemptedAt(), e.reason()))
            .publish(ReviewCallLinkOverdueEvent.class, e -> new ReviewCallLinkOverdue(e.ticketId(), engagementOf(e),
                    e.upgradeAt(), e.dueBy()))
            .publish(ReviewCallHeldEvent.class, e -> new ReviewCallHeld(e.ticketId(), engagementOf(e)))
            .publish(ReviewCallMissedEvent.class, e -> new ReviewCallMissed(e.ticketId(), engagementOf(e),
                    e.upgradeAt()))
            .publish(TicketHandedOffEvent.class, e -> new TicketHandedOff(e.ticketId(), engagementOf(e),
                    e.fromEngineer(), e.toEngineer()))
            .publish(UpgradeScheduledEvent.class, e -> new UpgradeScheduled(e.ticketId(), engagementOf(e),
                    e.upgradeAt(), e.onHoldUntil()))
            .publish(UpgradeOutcomeReportedEvent.class, e -> new UpgradeOutcomeReported(e.ticketId(),
                    engagementOf(e), e.outcome().name()))
            .publish(OnHoldExpiredEvent.class, e -> new OnHoldExpired(e.ticketId(), engagementOf(e),
                    e.onHoldUntil()))
            .publish(PostponementRecommendedEvent.class, e -> new PostponementRecommended(e.ticketId(),
                    engagementOf(e), e.reasons().stream().map(Enum::name).toList(), e.explanation()))
            .publish(UpgradeRescheduledEvent.class, e -> new UpgradeRescheduled(e.ticketId(), engagementOf(e),
                    e.previousUpgradeAt(), e.upgradeAt(),
                    e.sentLinkTiming() == null ? null : e.sentLinkTiming().name()))
            .publish(TicketStatusChangedEvent.class, e -> new TicketStatusChanged(e.ticketId(), engagementOf(e),
                    e.from().name(), e.to().name()))
            // kept inside Support: plan feedback, handoff-sync notes and pairing are its own work; of the
            // details a customer gives later only the check's outcome is published (MissingInformationRequested
            // or RequiredInformationComplete); a closing is published as its TicketStatusChanged to CLOSED
            .keepInternal(PlanFeedbackProvidedEvent.class, HandoffSyncRecordedEvent.class, PairingRequestedEvent.class,
                    CustomerInformationProvidedEvent.class, TicketClosedEvent.class)
            .build();

    private TicketIntegrationEvents() {
    }

    /** The contracts name the engagement only when the ticket has one (its case is then not the ticket). */
    private static String engagementOf(TicketEvent event) {
        return event.caseId().equals(event.ticketId()) ? null : event.caseId();
    }
}
