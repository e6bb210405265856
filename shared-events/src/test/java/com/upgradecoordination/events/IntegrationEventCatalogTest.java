package com.upgradecoordination.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IntegrationEventCatalogTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyContractHasAUniqueTypeAVersionAndAProducerTopic() {
        Set<String> typesAndVersions = new HashSet<>();
        for (Class<? extends Record> contract : IntegrationEventCatalog.CONTRACTS) {
            EventContract annotation = IntegrationEventCatalog.contractOf(contract);
            String typeAndVersion = annotation.type() + " v" + annotation.version();
            assertThat(typesAndVersions.add(typeAndVersion)).as("type %s is unique", typeAndVersion).isTrue();
            assertThat(annotation.version()).isPositive();
            assertThat(annotation.topic()).isIn(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION);
            assertThat(IntegrationEventCatalog.payloadTypeOf(annotation.type(), annotation.version())).contains(contract);
        }
    }

    @Test
    void aTypeStillPublishedInADeprecatedVersionIsLookedUpInItsNewest() {
        assertThat(IntegrationEventCatalog.payloadTypeOf("SupportReviewCompleted")).contains(SupportReviewCompletedV2.class);
        assertThat(IntegrationEventCatalog.payloadTypeOf("SupportReviewCompleted", 1)).contains(SupportReviewCompleted.class);
        assertThat(IntegrationEventCatalog.payloadTypeOf("SupportReviewCompleted", 3)).isEmpty();
    }

    @Test
    void anEnvelopeIsOfTheContractOfItsTypeAndVersion() {
        SupportReviewCompletedV2 completed = new SupportReviewCompletedV2("review-1", "case-1", 2, "SUPPORTABLE",
                List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        EventEnvelope version2 = new EventEnvelope("event-1", "case-1", "review-service", "SupportReview", "review-1",
                1, "SupportReviewCompleted", 2, Instant.EPOCH, null, null, null, null, json.valueToTree(completed));
        EventEnvelope version1 = new EventEnvelope("event-1", "case-1", "review-service", "SupportReview", "review-1",
                1, "SupportReviewCompleted", 1, Instant.EPOCH, null, null, null, null,
                json.valueToTree(completed.asVersion1()));

        assertThat(version2.isOfType(SupportReviewCompletedV2.class)).isTrue();
        assertThat(version2.isOfType(SupportReviewCompleted.class)).isFalse();
        assertThat(version1.isOfType(SupportReviewCompleted.class)).isTrue();
        assertThat(version1.payload().get("reviewerLevel").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");
    }

    @Test
    void theMissionsThreeEventsKeepTheirNames() {
        assertThat(IntegrationEventCatalog.payloadTypeOf("PlanSubmitted")).isPresent();
        assertThat(IntegrationEventCatalog.payloadTypeOf("DeviationJustified")).isPresent();
        assertThat(IntegrationEventCatalog.payloadTypeOf("SupportReviewCompleted")).isPresent();
    }

    @Test
    void theEnvelopeRoundTripsAndIgnoresFieldsItDoesNotKnow() {
        SupportReviewCompleted payload = new SupportReviewCompleted("review-1", "case-1", 2, "SUPPORTABLE",
                List.of("none"), "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        EventEnvelope envelope = new EventEnvelope("event-1", "case-1", "review-service", "SupportReview", "review-1",
                3, "SupportReviewCompleted", 1, Instant.parse("2026-11-21T10:15:30Z"),
                new Actor("sam.senior", "SENIOR_SUPPORT_ENGINEER"), "corr-1", "request-1", "HTTP POST /x",
                json.valueToTree(payload));

        JsonNode written = json.valueToTree(envelope);
        assertThat(written.get("occurredAt").asString()).isEqualTo("2026-11-21T10:15:30Z");
        ((tools.jackson.databind.node.ObjectNode) written).put("addedByANewerProducer", true);
        EventEnvelope read = json.treeToValue(written, EventEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(read.isOfType(SupportReviewCompleted.class)).isTrue();
        assertThat(json.treeToValue(read.payload(), SupportReviewCompleted.class)).isEqualTo(payload);
    }

    @Test
    void aPerformanceComparisonPublishedBeforeItsBasisWasAddedStillReads() {
        // as published before issue 11: no basis, no figures per test
        String firstShape = """
                {"engagementId":"case-1","planVersion":1,"referenceSize":"10k","verdict":"AT_OR_ABOVE_BENCHMARK",
                 "customerScore":99.0,"benchmarkScore":97.9,"tests":[{"test":"api_v4_groups","customerPassed":true,
                 "scoreDelta":0.6,"rpsDelta":1.2,"ttfbP90DeltaMs":-4.9,"belowBenchmark":false}]}""";
        var compared = json.readValue(firstShape, com.upgradecoordination.events.coordination.PerformanceCompared.class);
        assertThat(compared.basis()).isNull();
        assertThat(compared.tests().get(0).customer()).isNull();
        assertThat(compared.tests().get(0).shortOn()).isNull();
        var requested = json.readValue("""
                {"engagementId":"case-1","reviewId":"review-1","planVersion":1,"customerOrganisation":"Acme",
                 "csm":"casey.csm","referenceSize":"10k","deviations":[]}""",
                com.upgradecoordination.events.coordination.SupportReviewRequested.class);
        assertThat(requested.performance()).isNull();
    }
}
