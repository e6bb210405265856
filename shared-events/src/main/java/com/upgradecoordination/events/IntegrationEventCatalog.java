package com.upgradecoordination.events;

import com.upgradecoordination.events.coordination.ArchitectureConforms;
import com.upgradecoordination.events.coordination.ReferenceArchitectureReviewed;
import com.upgradecoordination.events.coordination.RevisionDiscussed;
import com.upgradecoordination.events.coordination.ExpectationsSet;
import com.upgradecoordination.events.coordination.PerformanceCompared;
import com.upgradecoordination.events.coordination.FutureAdoptionAdvised;
import com.upgradecoordination.events.coordination.DocumentationRecorded;
import com.upgradecoordination.events.coordination.DocumentationSharedWithSupport;
import com.upgradecoordination.events.coordination.DeviationAccepted;
import com.upgradecoordination.events.coordination.ReturnedToPlanning;
import com.upgradecoordination.events.coordination.InternalAssistanceRequested;
import com.upgradecoordination.events.coordination.InternalAssistanceAnswered;
import com.upgradecoordination.events.coordination.MigrationStarted;
import com.upgradecoordination.events.coordination.MigrationCompleted;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.DeviationJustified;
import com.upgradecoordination.events.coordination.EngagementClosed;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.PlanSubmitted;
import com.upgradecoordination.events.coordination.ProfessionalServicesDecided;
import com.upgradecoordination.events.coordination.ProfessionalServicesRecommended;
import com.upgradecoordination.events.coordination.ReferenceArchitectureMatched;
import com.upgradecoordination.events.coordination.RequirementsRecorded;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.coordination.TimelineRiskFlagged;
import com.upgradecoordination.events.notification.NotificationFailed;
import com.upgradecoordination.events.notification.NotificationSent;
import com.upgradecoordination.events.notification.ReminderFired;
import com.upgradecoordination.events.review.CsmAddedAsFollower;
import com.upgradecoordination.events.review.MigrationProblemNoted;
import com.upgradecoordination.events.review.MigrationProblemTicketOpened;
import com.upgradecoordination.events.review.MissingInformationRequested;
import com.upgradecoordination.events.review.OnHoldExpired;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.PlanReviewOpened;
import com.upgradecoordination.events.review.PostponementRecommended;
import com.upgradecoordination.events.review.RequiredInformationComplete;
import com.upgradecoordination.events.review.ReviewCallHeld;
import com.upgradecoordination.events.review.ReviewCallLinkOverdue;
import com.upgradecoordination.events.review.ReviewCallLinkRefused;
import com.upgradecoordination.events.review.ReviewCallLinkSent;
import com.upgradecoordination.events.review.ReviewCallMissed;
import com.upgradecoordination.events.review.ReviewCallRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketHandedOff;
import com.upgradecoordination.events.review.TicketStatusChanged;
import com.upgradecoordination.events.review.UpgradeAssistanceRequested;
import com.upgradecoordination.events.review.UpgradeOutcomeReported;
import com.upgradecoordination.events.review.UpgradeRescheduled;
import com.upgradecoordination.events.review.UpgradeScheduled;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every integration-event contract, so producers, consumers and schema checks share one list. A type
 * may have more than one version listed: the newest, and older ones still published while deprecated.
 */
public final class IntegrationEventCatalog {

    public static final List<Class<? extends Record>> CONTRACTS = List.of(
            EngagementOpened.class,
            RequirementsRecorded.class,
            ReferenceArchitectureMatched.class,
            ProfessionalServicesRecommended.class,
            ProfessionalServicesDecided.class,
            TimelineRiskFlagged.class,
            PlanSubmitted.class,
            ArchitectureConforms.class,
            ArchitectureDeviationDetected.class,
            DeviationJustified.class,
            SupportReviewRequested.class,
            ReferenceArchitectureReviewed.class,
            RevisionDiscussed.class,
            ExpectationsSet.class,
            PerformanceCompared.class,
            FutureAdoptionAdvised.class,
            DocumentationRecorded.class,
            DocumentationSharedWithSupport.class,
            DeviationAccepted.class,
            ReturnedToPlanning.class,
            InternalAssistanceRequested.class,
            InternalAssistanceAnswered.class,
            PlanSharedWithSupport.class,
            MigrationStarted.class,
            MigrationProblemReported.class,
            MigrationCompleted.class,
            EngagementClosed.class,
            PersonalDataErased.class,
            SupportReviewOpened.class,
            SupportReviewCompleted.class,
            SupportReviewCompletedV2.class,
            PlanReviewOpened.class,
            PlanReviewCompleted.class,
            UpgradeAssistanceRequested.class,
            TicketAssigned.class,
            CsmAddedAsFollower.class,
            MissingInformationRequested.class,
            RequiredInformationComplete.class,
            ReviewCallRequested.class,
            ReviewCallLinkSent.class,
            ReviewCallLinkRefused.class,
            ReviewCallLinkOverdue.class,
            ReviewCallHeld.class,
            ReviewCallMissed.class,
            TicketHandedOff.class,
            UpgradeScheduled.class,
            UpgradeOutcomeReported.class,
            OnHoldExpired.class,
            PostponementRecommended.class,
            UpgradeRescheduled.class,
            TicketStatusChanged.class,
            MigrationProblemTicketOpened.class,
            MigrationProblemNoted.class,
            NotificationSent.class,
            NotificationFailed.class,
            ReminderFired.class);

    /** Each type's newest version. */
    private static final Map<String, Class<? extends Record>> BY_TYPE = CONTRACTS.stream()
            .collect(Collectors.toUnmodifiableMap(c -> contractOf(c).type(), Function.identity(),
                    (one, other) -> contractOf(one).version() > contractOf(other).version() ? one : other));

    private IntegrationEventCatalog() {
    }

    public static EventContract contractOf(Class<?> payloadType) {
        EventContract contract = payloadType.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an integration-event contract");
        }
        return contract;
    }

    /** The newest version of the contract {@code type}. */
    public static Optional<Class<? extends Record>> payloadTypeOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The contract {@code type} in {@code version}, while it is listed. */
    public static Optional<Class<? extends Record>> payloadTypeOf(String type, int version) {
        return CONTRACTS.stream()
                .filter(contract -> contractOf(contract).type().equals(type) && contractOf(contract).version() == version)
                .findFirst();
    }
}
