package com.upgradecoordination.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.api.PlanReviewEvent;
import com.upgradecoordination.review.api.ReviewedDeviation;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import com.upgradecoordination.review.api.SupportVerdict;
import com.upgradecoordination.review.api.TicketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewIntegrationEventsTest {

    final ReviewIntegrationEvents translator = new ReviewIntegrationEvents();

    /** A new domain event is either given a contract or kept inside on purpose; forgetting it fails here. */
    @Test
    void everyTicketAndReviewEventIsPublishedOrKeptInsideOnPurpose() {
        List<Class<?>> events = new ClassFileImporter()
                .importPackages("com.upgradecoordination.review.api").stream()
                .filter(type -> !type.isInterface() && (type.isAssignableTo(TicketEvent.class)
                        || type.isAssignableTo(PlanReviewEvent.class) || type.isAssignableTo(SupportReviewEvent.class)))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        assertThat(events).hasSizeGreaterThan(30);
        assertThat(events.stream().filter(type -> !ReviewIntegrationEvents.decidedFor(type))
                .map(Class::getSimpleName)).isEmpty();
        assertThat(TicketIntegrationEvents.TABLE.published()).hasSize(20);
        assertThat(ReviewIntegrationEvents.TABLE.published()).hasSize(4);
    }

    @Test
    void publishesAnOpenedReviewUnderItsCase() {
        OutboundIntegrationEvent outbound = translator.translate(new SupportReviewOpenedEvent("review-1",
                "engagement-1", 2, "Acme Corp", "casey.csm", "3k",
                List.of(new ReviewedDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED")), null)).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("engagement-1");
        assertThat(outbound.payload()).isEqualTo(new SupportReviewOpened("review-1", "engagement-1", 2));
        assertThat(IntegrationEventCatalog.contractOf(outbound.payload().getClass()).topic()).isEqualTo(Topics.REVIEW);
    }

    @Test
    void publishesACompletedReviewWithVerdictAndReviewer() {
        OutboundIntegrationEvent outbound = translator.translate(new SupportReviewCompletedEvent("review-1",
                "engagement-1", 2, SupportVerdict.NOT_SUPPORTABLE, List.of("Add Gitaly nodes"), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER")).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo("engagement-1");
        assertThat(outbound.payload()).isEqualTo(new SupportReviewCompletedV2("review-1", "engagement-1", 2,
                "NOT_SUPPORTABLE", List.of("Add Gitaly nodes"), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        assertThat(IntegrationEventCatalog.contractOf(outbound.payload().getClass()).topic()).isEqualTo(Topics.REVIEW);
    }

    /** Version 1 stays on the topic while deprecated, derived from version 2. */
    @Test
    void publishesACompletedReviewInTheDeprecatedVersionToo() {
        OutboundIntegrationEvent outbound = translator.translate(new SupportReviewCompletedEvent("review-1",
                "engagement-1", 2, SupportVerdict.NOT_SUPPORTABLE, List.of("Add Gitaly nodes"), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER")).orElseThrow();
        assertThat(outbound.deprecatedVersions()).containsExactly(new SupportReviewCompleted("review-1",
                "engagement-1", 2, "NOT_SUPPORTABLE", List.of("Add Gitaly nodes"), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER"));
        assertThat(outbound.payloads()).extracting(payload -> IntegrationEventCatalog.contractOf(payload.getClass())
                .version()).containsExactly(2, 1);
    }

    @Test
    void publishesNothingElse() {
        assertThat(translator.translate("not a review event")).isEmpty();
    }
}
