package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PerformanceBasis;
import com.upgradecoordination.events.coordination.PerformanceSummary;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import com.upgradecoordination.platform.personaldata.ForgetPersonCommand;
import com.upgradecoordination.review.api.OpenPlanReviewCommand;
import com.upgradecoordination.review.api.OpenSupportReviewCommand;
import com.upgradecoordination.review.api.ReviewedDeviation;
import com.upgradecoordination.review.api.ReviewedPerformance;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What review-service takes from coordination-service. Each listener has its own consumer group,
 * so each reads the coordination topic independently of the others. An unreadable payload or an
 * invalid request is recorded by the inbox as REJECTED, not retried.
 */
@Configuration
public class CoordinationSubscriptions {

    /** Opens an architecture support review when the CSM asks Support for one (SPEC C6f, T12). */
    @Bean
    public InboxSubscription supportReviewRequests() {
        return InboxSubscription.listener("review-coordination-events", Topics.COORDINATION)
                .command(SupportReviewRequested.class, "support-review-requests", requested ->
                        new OpenSupportReviewCommand(requested.reviewId(), requested.engagementId(),
                                requested.planVersion(), requested.customerOrganisation(), requested.csm(),
                                requested.referenceSize(), reviewed(requested.deviations()),
                                reviewed(requested.performance())));
    }

    /** Opens a plan review when the CSM shares a plan version with Support (SPEC C7, T11). */
    @Bean
    public InboxSubscription planShares() {
        return InboxSubscription.listener("review-plan-shares", Topics.COORDINATION)
                .command(PlanSharedWithSupport.class, "plan-shares", shared ->
                        new OpenPlanReviewCommand(shared.planReviewId(), shared.engagementId(), shared.planVersion(),
                                shared.customerOrganisation(), shared.csm(), shared.referenceSize(),
                                shared.planDocumentUrl(), shared.conforms(), reviewed(shared.deviations())));
    }

    /**
     * What tickets take from coordination-service ({@link TicketCoordination}). Both contracts arrive
     * on one listener, so an engagement's opening is known before its problems.
     */
    @Bean
    public InboxSubscription ticketCoordinationEvents(TicketCoordination tickets) {
        return InboxSubscription.listener("review-ticket-coordination-events", Topics.COORDINATION)
                .effect(EngagementOpened.class, "engagement-directory", tickets::engagementOpened)
                .effect(MigrationProblemReported.class, "ticket-migration-problems", tickets::problemReported);
    }

    /**
     * A person erased at coordination-service is forgotten here too (docs/personal-data.md): their
     * keys, the snapshots and the read models' copies, recorded in this service's store. Rare contracts:
     * one consumer, waiting for fuller polls, as it passes over every other record of the topic.
     */
    @Bean
    public InboxSubscription personalDataErasures() {
        return InboxSubscription.listener("review-personal-data-erasures", Topics.COORDINATION)
                .rareContracts()
                .command(PersonalDataErased.class, "personal-data-erasures",
                        erased -> new ForgetPersonCommand(erased.personHash()));
    }

    private static List<ReviewedDeviation> reviewed(List<ArchitectureDeviation> deviations) {
        return deviations == null ? List.of() : deviations.stream()
                .map(d -> d == null ? null : new ReviewedDeviation(d.component(), d.expected(), d.proposed(), d.kind()))
                .toList();
    }

    private static ReviewedPerformance reviewed(PerformanceSummary performance) {
        if (performance == null) {
            return null;
        }
        PerformanceBasis basis = performance.basis();
        return new ReviewedPerformance(performance.verdict(), basis == null ? null : basis.kind(),
                basis == null ? null : basis.benchmarkVersion(), basis == null ? null : basis.description(),
                performance.customerScore(), performance.benchmarkScore(),
                performance.testsFellShort() == null ? List.of() : performance.testsFellShort());
    }
}
