package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.analytics.AnalyticsConsumer;
import com.upgradecoordination.analytics.UpgradeFigures.DeviationRate;
import com.upgradecoordination.analytics.UpgradeFigures.Snapshot;
import com.upgradecoordination.local.LocalStack.Service;
import com.upgradecoordination.platform.observability.TraceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A deviating case end to end: the CSM drives the deviation process over HTTP up to a support
 * review; review-service receives the request from Kafka, a Senior Support Engineer completes it
 * over HTTP; coordination-service receives the verdict from Kafka and shows it in the engagement's
 * state and history; notification-service tells the CSM; the last steps accept the deviation; the
 * migration runs and the engagement closes.
 *
 * <p>The same running stack shows what operators see of such a flow: one trace from the CSM's
 * request into the consuming service, and every metric of {@link OperatorMetrics} on
 * {@code /actuator/prometheus}.
 */
@ExtendWith(SharedRunningStack.class)
class SliceEndToEndIT {

    static RunningStack running;

    @BeforeAll
    static void useTheSharedStack(RunningStack shared) {
        running = shared;
    }

    @Test
    void aDeviatingEngagementGoesFromOpeningThroughTheDeviationProcessToClosing() throws Exception {
        // the other tests on the shared stack publish too: the analytics figures are compared with these
        Snapshot before = AnalyticsConsumer.figuresOf(running.broker.bootstrapServers());
        Engagements engagements = new Engagements(running.as(Service.COORDINATION, "casey.csm", "CSM"));
        String engagementId = engagements.open("Acme Corp", "casey.csm");
        engagements.recordRequirementsFor10k(engagementId);
        assertThat(engagements.submitDeviatingPlan(engagementId)).isEqualTo(1);

        // C7: the plan is shared with Support, whose plan review answers over Kafka
        String planReviewId = engagements.sharePlanWithSupport(engagementId);
        WebTestClient engineer = running.as(Service.REVIEW, "erin.engineer", "SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                engineer.get().uri("/plan-reviews/{id}", planReviewId).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.engagementId").isEqualTo(engagementId));
        engineer.post().uri("/plan-reviews/{id}/feedback", planReviewId)
                .bodyValue(Map.of("topic", "ROLLBACK_PLAN", "text", "Take a full backup including secrets first"))
                .exchange().expectStatus().is2xxSuccessful();
        engineer.post().uri("/plan-reviews/{id}/completion", planReviewId)
                .bodyValue(Map.of("summary", "Sound plan once the backup step is added"))
                .exchange().expectStatus().is2xxSuccessful();
        JsonNode planReviewed = engagements.awaitLatestEvent(engagementId, "PlanReviewCompleted");
        assertThat(planReviewed.get("payload").get("planReviewId").asString()).isEqualTo(planReviewId);
        assertThat(planReviewed.get("payload").get("feedback").get(0).asString())
                .isEqualTo("ROLLBACK_PLAN: Take a full backup including secrets first");

        engagements.reviewReferenceAndRuleOutRevision(engagementId);
        engagements.justifyDeviation(engagementId);
        assertThat(engagements.setExpectationsAndSubmitPerformance(engagementId)).isEqualTo("AT_OR_ABOVE_BENCHMARK");
        String reviewId = engagements.requestSupportReview(engagementId);

        WebTestClient senior = running.as(Service.REVIEW, "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                senior.get().uri("/support-reviews/{id}", reviewId).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.status").isEqualTo("OPEN")
                        .jsonPath("$.engagementId").isEqualTo(engagementId));
        senior.post().uri("/support-reviews/{id}/completion", reviewId)
                .bodyValue(Map.of("verdict", "SUPPORTABLE_WITH_CHANGES",
                        "recommendations", List.of("Run Gitaly Cluster with three nodes before reaching 3,000 users")))
                .exchange().expectStatus().isNoContent();

        JsonNode state = engagements.awaitStatus(engagementId, "SUPPORT_REVIEW_COMPLETED");
        assertThat(state.get("supportReviewVerdict").asString()).isEqualTo("SUPPORTABLE_WITH_CHANGES");
        assertThat(state.get("referenceSize").asString()).isEqualTo("10k");
        assertThat(state.get("performanceVerdict").asString()).isEqualTo("AT_OR_ABOVE_BENCHMARK");

        JsonNode history = engagements.history(engagementId);
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactly("EngagementOpened", "RequirementsRecorded", "ReferenceArchitectureMatched",
                "ProfessionalServicesRecommended", "PlanSubmitted", "ArchitectureDeviationDetected", "PlanSharedWithSupport", "PlanReviewCompleted",
                "ReferenceArchitectureReviewed", "RevisionDiscussed",
                "DeviationJustified", "ExpectationsSet", "PerformanceResultsSubmitted", "PerformanceCompared",
                "SupportReviewRequested", "SupportReviewOutcomeReceived");
        JsonNode outcome = history.get(history.size() - 1);
        assertThat(outcome.get("payload").get("reviewer").asString()).isEqualTo("sam.senior");
        assertThat(outcome.get("payload").get("reviewerLevel").asString()).isEqualTo("SENIOR_SUPPORT_ENGINEER");
        assertThat(outcome.get("actor").asString()).isEqualTo("coordination-service");
        assertThat(outcome.get("actorRole").asString()).isEqualTo("INTEGRATION");
        assertThat(outcome.get("origin").asString()).startsWith("kafka upgrade.review.events-");

        // The verdict's cause is review-service's SupportReviewCompleted event, and the whole flow
        // shares the correlation id of the CSM's support-review request.
        JsonNode reviewHistory = senior.get().uri("/support-reviews/{id}/history", reviewId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode completed = reviewHistory.get(reviewHistory.size() - 1);
        assertThat(completed.get("type").asString()).isEqualTo("SupportReviewCompleted");
        assertThat(completed.get("actor").asString()).isEqualTo("sam.senior");
        assertThat(outcome.get("causationId").asString()).isEqualTo(completed.get("eventId").asString());
        JsonNode requested = history.get(history.size() - 2);
        assertThat(reviewHistory.get(0).get("correlationId").asString())
                .isEqualTo(requested.get("correlationId").asString());

        WebTestClient inbox = running.as(Service.NOTIFICATION, "casey.csm", "CSM");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode entries = inbox.get().uri("/inbox/{recipient}", "casey.csm").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            List<String> notified = new ArrayList<>();
            // the CSM has other cases on the shared stack: this engagement's entries count
            entries.forEach(entry -> {
                if (engagementId.equals(entry.get("caseId").asString())) {
                    notified.add(entry.get("sourceEventType").asString());
                }
            });
            assertThat(notified).contains("SupportReviewCompleted");
        });

        // g and h complete the process: the deviation is accepted
        engagements.adviseAndDocument(engagementId);
        JsonNode accepted = engagements.awaitStatus(engagementId, "DEVIATION_ACCEPTED");
        assertThat(accepted.get("deviationAcceptedPlanVersion").asInt()).isEqualTo(1);
        JsonNode acceptedHistory = engagements.history(engagementId);
        assertThat(acceptedHistory.get(acceptedHistory.size() - 1).get("type").asString()).isEqualTo("DeviationAccepted");

        // the migration runs, hits a problem Support hears of, completes, and the engagement closes
        engagements.migrateAndClose(engagementId);
        engagements.awaitStatus(engagementId, "CLOSED_COMPLETED");
        List<String> closingTypes = new ArrayList<>();
        engagements.history(engagementId).forEach(entry -> closingTypes.add(entry.get("type").asString()));
        assertThat(closingTypes.subList(closingTypes.size() - 4, closingTypes.size())).containsExactly(
                "MigrationStarted", "MigrationProblemReported", "MigrationCompleted", "EngagementClosed");
        JsonNode problem = engagements.history(engagementId).get(closingTypes.size() - 3);
        assertThat(problem.get("payload").get("routedTo").asString()).isEqualTo("SUPPORT");

        // the reference analytics consumer reads what the services published, every contract of it known
        Snapshot figures = await().atMost(Duration.ofSeconds(60)).until(
                () -> AnalyticsConsumer.figuresOf(running.broker.bootstrapServers()),
                read -> closedIn10k(read) == closedIn10k(before) + 1);
        DeviationRate deviations = figures.deviationRateBySize().get("10k");
        DeviationRate deviationsBefore = before.deviationRateBySize().getOrDefault("10k", new DeviationRate(0, 0, 0));
        assertThat(deviations.plansCompared() - deviationsBefore.plansCompared()).as("plans compared").isEqualTo(1);
        assertThat(deviations.plansDeviating() - deviationsBefore.plansDeviating()).as("plans deviating").isEqualTo(1);
        assertThat(figures.supportReviewLeadTime().completed() - before.supportReviewLeadTime().completed())
                .as("support reviews completed").isEqualTo(1);
        assertThat(figures.supportReviewLeadTime().awaitingVerdict()).as("support reviews awaiting a verdict")
                .isEqualTo(before.supportReviewLeadTime().awaitingVerdict());
        assertThat(figures.records().unknownContracts()).isZero();
        assertThat(figures.records().notEnvelopes()).isZero();
        assertThat(figures.records().duplicates()).as("the verdict's deprecated v1").isPositive();
    }

    private static int closedIn10k(Snapshot figures) {
        return figures.engagementsBySizeAndStep().getOrDefault("10k", Map.of()).getOrDefault("CLOSED", 0);
    }

    @Test
    void aCommandsTraceContinuesInTheServiceThatConsumesItsEvent() {
        String traceId = randomHex(32);
        String traceparent = "00-" + traceId + "-" + randomHex(16) + "-01";
        WebTestClient csm = running.as(Service.COORDINATION, "casey.csm", "CSM");
        Engagements engagements = new Engagements(csm);
        String engagementId = engagements.open("Traced Corp", "casey.csm");
        engagements.recordRequirementsFor10k(engagementId);
        engagements.submitDeviatingPlan(engagementId);

        String planReviewId = new Engagements(csm.mutate().defaultHeader("traceparent", traceparent).build())
                .sharePlanWithSupport(engagementId);

        // stored with the request's trace in coordination-service ...
        assertThat(traceparentsOf(Service.COORDINATION, engagementId))
                .anySatisfy(stored -> assertThat(stored).startsWith("00-" + traceId + "-"));
        // ... relayed with it in the record's headers, and continued by review-service's consumer,
        // whose command stored the plan review's first event in the same trace
        await().atMost(Duration.ofSeconds(60)).until(() -> !traceparentsOf(Service.REVIEW, planReviewId).isEmpty());
        assertThat(traceparentsOf(Service.REVIEW, planReviewId).get(0)).startsWith("00-" + traceId + "-");
    }

    @Test
    void everyServiceServesTheMetricsOperatorsWatch() throws IOException {
        // a command, its relay and its consumption, so the timers that start with the first use exist
        Engagements engagements = new Engagements(running.as(Service.COORDINATION, "casey.csm", "CSM"));
        String engagementId = engagements.open("Measured Corp", "casey.csm");
        engagements.recordRequirementsFor10k(engagementId);
        engagements.submitDeviatingPlan(engagementId);
        String planReviewId = engagements.sharePlanWithSupport(engagementId);
        WebTestClient engineer = running.as(Service.REVIEW, "erin.engineer", "SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                engineer.get().uri("/plan-reviews/{id}", planReviewId).exchange().expectStatus().isOk());

        Set<String> scrapedAnywhere = new HashSet<>();
        for (Service service : Service.values()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> scraped = scrape(service);
                scrapedAnywhere.addAll(scraped);
                List<String> missing = OperatorMetrics.ALL.stream()
                        .filter(metric -> metric.servedBy().contains(service))
                        .map(OperatorMetrics.Metric::name)
                        .filter(name -> scraped.stream().noneMatch(series ->
                                OperatorMetrics.ofSeries(series).map(m -> m.name().equals(name)).orElse(false)))
                        .toList();
                assertThat(missing).as("metrics missing on %s", service).isEmpty();
            });
        }
        // the alert rules and the dashboard query series that exist (histogram buckets included)
        assertThat(scrapedAnywhere).containsAll(MonitoringFilesTest.namesUsed());
        // tags name the service, the command type and the outcome, never an id
        String coordination = running.client(Service.COORDINATION).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(coordination).contains("service=\"coordination-service\"",
                        "command=\"SharePlanWithSupportCommand\"", "outcome=\"SUCCESS\"")
                .contains("processor=\"kafka-relay\"")
                .doesNotContain(engagementId);
        // review-service took the shared plan in through its inbox
        String review = running.client(Service.REVIEW).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(review.lines().filter(line -> line.startsWith("platform_inbox_events_total{")
                        && line.contains("outcome=\"APPLIED\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isGreaterThanOrEqualTo(1);
    }

    /** The names of the series a service serves, read without a token as a Prometheus server reads them. */
    private static Set<String> scrape(Service service) {
        String text = running.client(service).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Set<String> names = new HashSet<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static List<String> traceparentsOf(Service service, String aggregateId) {
        EventStore events = running.stack.context(service).getBean(EventStore.class);
        if (!events.lastSequenceNumberFor(aggregateId).isPresent()) {
            return List.of();
        }
        List<String> traceparents = new ArrayList<>();
        events.readEvents(aggregateId).asStream()
                .map(event -> event.getMetaData().get(TraceContext.TRACEPARENT))
                .filter(Objects::nonNull)
                .forEach(value -> traceparents.add(value.toString()));
        return traceparents;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
