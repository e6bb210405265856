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
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkRefusedEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
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

/**
 * Which ticket events are published, and as which contract (the notification service reacts to
 * them). The record key is the ticket's case: its engagement, or the ticket itself. Notes, plan
 * feedback and handoff-sync notes stay inside Support.
 */
final class TicketIntegrationEvents {

    private TicketIntegrationEvents() {
    }

    /** The contract of {@code event}, or null when the event is not published. */
    static Record contractOf(TicketEvent event) {
        String ticket = event.ticketId();
        String engagement = event.caseId().equals(ticket) ? null : event.caseId();
        if (event instanceof UpgradeAssistanceRequestedEvent e) {
            UpgradeRequestDetails d = e.details();
            return new UpgradeAssistanceRequested(ticket, engagement, e.form().name(), e.priority().name(),
                    e.organisation(), d.currentVersion(), d.targetVersion(), d.upgradeDate(), d.upgradeTime(),
                    d.upgradeTimezone(), Ticket.upgradeInstantOf(d), d.contactEmail());
        }
        if (event instanceof TicketOpenedForMigrationProblemEvent e) {
            return new MigrationProblemTicketOpened(ticket, engagement, e.problemId());
        }
        if (event instanceof MigrationProblemNotedEvent e) {
            return new MigrationProblemNoted(ticket, engagement, e.problemId());
        }
        if (event instanceof TicketAssignedEvent e) {
            return new TicketAssigned(ticket, engagement, e.assignee());
        }
        if (event instanceof CsmAddedAsFollowerEvent e) {
            return new CsmAddedAsFollower(ticket, engagement, e.csm(), e.source().name());
        }
        if (event instanceof MissingInformationRequestedEvent e) {
            return new MissingInformationRequested(ticket, engagement, e.deficiencies().stream()
                    .map(d -> new TicketDeficiency(d.field(), d.kind().name(), d.message()))
                    .toList());
        }
        if (event instanceof RequiredInformationCompleteEvent) {
            return new RequiredInformationComplete(ticket, engagement);
        }
        if (event instanceof ReviewCallRequestedEvent e) {
            return new ReviewCallRequested(ticket, engagement, e.upgradeAt(), e.linkDueBy());
        }
        if (event instanceof ReviewCallLinkSentEvent e) {
            return new ReviewCallLinkSent(ticket, engagement, e.upgradeAt(), e.sentAt(), e.timing().name(),
                    e.warning());
        }
        if (event instanceof ReviewCallLinkRefusedEvent e) {
            return new ReviewCallLinkRefused(ticket, engagement, e.upgradeAt(), e.attemptedAt(), e.reason());
        }
        if (event instanceof ReviewCallLinkOverdueEvent e) {
            return new ReviewCallLinkOverdue(ticket, engagement, e.upgradeAt(), e.dueBy());
        }
        if (event instanceof ReviewCallHeldEvent) {
            return new ReviewCallHeld(ticket, engagement);
        }
        if (event instanceof ReviewCallMissedEvent e) {
            return new ReviewCallMissed(ticket, engagement, e.upgradeAt());
        }
        if (event instanceof TicketHandedOffEvent e) {
            return new TicketHandedOff(ticket, engagement, e.fromEngineer(), e.toEngineer());
        }
        if (event instanceof UpgradeScheduledEvent e) {
            return new UpgradeScheduled(ticket, engagement, e.upgradeAt(), e.onHoldUntil());
        }
        if (event instanceof UpgradeOutcomeReportedEvent e) {
            return new UpgradeOutcomeReported(ticket, engagement, e.outcome().name());
        }
        if (event instanceof OnHoldExpiredEvent e) {
            return new OnHoldExpired(ticket, engagement, e.onHoldUntil());
        }
        if (event instanceof PostponementRecommendedEvent e) {
            return new PostponementRecommended(ticket, engagement,
                    e.reasons().stream().map(Enum::name).toList(), e.explanation());
        }
        if (event instanceof UpgradeRescheduledEvent e) {
            return new UpgradeRescheduled(ticket, engagement, e.previousUpgradeAt(), e.upgradeAt(),
                    e.sentLinkTiming() == null ? null : e.sentLinkTiming().name());
        }
        if (event instanceof TicketStatusChangedEvent e) {
            return new TicketStatusChanged(ticket, engagement, e.from().name(), e.to().name());
        }
        return null;
    }
}
