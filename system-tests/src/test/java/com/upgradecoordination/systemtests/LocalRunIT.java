package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.local.LocalRun;
import com.upgradecoordination.local.LocalStack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The README's local run as it is started ({@link LocalRun}: H2 files in PostgreSQL mode under one
 * data folder, the folder's dev token issuer, the in-JVM broker), driven through the README's
 * walkthrough with its example files, then restarted on the same folder. The other system tests
 * run on PostgreSQL; this one keeps the SQL honest for H2 (D7).
 */
class LocalRunIT {

    static final Path EXAMPLES = Path.of("..", "deploy", "local", "examples");

    @TempDir
    Path data;

    LocalRun run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theReadmeWalkthroughRunsOnH2AndItsStateSurvivesARestart() throws IOException {
        LocalRun.Ports ports = LocalRun.Ports.free();
        run = LocalRun.start(data, ports);
        DevTokenIssuer issuer = LocalRun.issuer(data);
        WebTestClient csm = as(issuer, Service.COORDINATION, "casey.csm", "CSM");
        Engagements engagements = new Engagements(csm);

        // open an engagement, its requirements, the deviating plan from the examples
        String engagementId = csm.post().uri("/engagements")
                .bodyValue(Map.of("customerOrganisation", "Acme Corp", "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
        csm.put().uri("/engagements/{id}/requirements", engagementId)
                .bodyValue(Map.of("currentUsers", 6000, "expectedUsers", 9000, "growthHorizonMonths", 18,
                        "highAvailability", true, "geo", false, "targetCompletionDate", "2027-09-30"))
                .exchange().expectStatus().isNoContent();
        csm.post().uri("/engagements/{id}/plans", engagementId).bodyValue(example("deviating-10k-plan.json"))
                .exchange().expectStatus().isCreated();
        JsonNode deviating = engagements.awaitStatus(engagementId, "PLAN_DEVIATES");
        assertThat(deviating.get("latestPlan").get("conforms").asBoolean()).isFalse();
        assertThat(deviating.get("latestPlan").get("deviations").toString()).contains("gitaly");

        // the deviation process in the handbook's order, then GPT's own results file
        step(csm, engagementId, "reference-architecture-review", null);
        step(csm, engagementId, "revision-discussion",
                Map.of("outcome", "CANNOT_REVISE", "notes", "Two more Gitaly nodes are not in budget"));
        step(csm, engagementId, "deviation-justification",
                Map.of("reasonCategory", "BUDGET", "explanation", "Two more Gitaly nodes are not in budget"));
        step(csm, engagementId, "expectations", null);
        csm.post().uri("/engagements/{id}/performance-results", engagementId)
                .bodyValue(example("gpt-10k_results.json"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.verdict").isEqualTo("AT_OR_ABOVE_BENCHMARK")
                .jsonPath("$.comparison.basis.description").isEqualTo("BENCHMARK 10k v1 (GitLab 14.1.0-pre, 2021-06-24)");
        // ProServ registers GitLab's published 5k run (README: the benchmark register)
        as(issuer, Service.COORDINATION, "pat.proserv", "PROSERV").put().uri("/gpt-benchmarks/5k")
                .bodyValue(example("gpt-benchmark-5k.json"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        JsonNode justified = engagements.awaitStatus(engagementId, "DEVIATION_JUSTIFIED");
        List<String> done = new ArrayList<>();
        justified.get("deviationProcess").get("steps").forEach(step -> {
            if (step.get("done").asBoolean()) {
                done.add(step.get("step").asString());
                assertThat(step.get("doneBy").asString()).isEqualTo("casey.csm");
            }
        });
        assertThat(done).contains("REFERENCE_ARCHITECTURE_REVIEWED", "REVISION_DISCUSSED", "DEVIATION_JUSTIFIED",
                "EXPECTATIONS_SET");

        // Support reviews it: review-service opened the review from Kafka, a Senior Support Engineer completes it
        String reviewId = csm.post().uri("/engagements/{id}/support-review-requests", engagementId)
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("reviewId").asString();
        WebTestClient senior = as(issuer, Service.REVIEW, "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                senior.get().uri("/support-reviews/{id}", reviewId).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN"));
        senior.post().uri("/support-reviews/{id}/completion", reviewId)
                .bodyValue(Map.of("verdict", "SUPPORTABLE_WITH_CHANGES",
                        "recommendations", List.of("Plan for three Gitaly nodes")))
                .exchange().expectStatus().isNoContent();

        // the verdict came back into the case, and the CSM was told
        JsonNode reviewed = engagements.awaitStatus(engagementId, "SUPPORT_REVIEW_COMPLETED");
        assertThat(reviewed.get("supportReviewVerdict").asString()).isEqualTo("SUPPORTABLE_WITH_CHANGES");
        JsonNode history = engagements.history(engagementId);
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("SupportReviewOutcomeReceived");
        WebTestClient inbox = as(issuer, Service.NOTIFICATION, "casey.csm", "CSM");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(inbox.get().uri("/inbox/{recipient}", "casey.csm").exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                        .contains("SupportReviewCompleted"));

        // the last steps accept the deviation
        step(csm, engagementId, "future-adoption-advice", null);
        step(csm, engagementId, "documentation",
                Map.of("location", "https://gitlab.example/acme/collaboration/-/wikis/architecture-review"));
        step(csm, engagementId, "documentation/shared-with-support", null);
        assertThat(engagements.awaitStatus(engagementId, "DEVIATION_ACCEPTED")
                .get("deviationAcceptedPlanVersion").asInt()).isEqualTo(1);

        // Support's side: the upgrade path, and a request whose path skips required stops
        WebTestClient sue = as(issuer, Service.REVIEW, "sue.engineer", "SUPPORT_ENGINEER");
        sue.get().uri("/upgrade-paths?from=16.3.9&to=17.3.7").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo(List.of("16.7.10", "16.11.10", "17.3.7"));
        WebTestClient portal = as(issuer, Service.REVIEW, "support-portal", "INTEGRATION");
        String ticketId = portal.post().uri("/tickets").bodyValue(example("upgrade-assistance-request.json"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("ticketId").asString();
        JsonNode pending = UpgradeAssistanceEndToEndIT.awaitTicket(sue, ticketId,
                t -> "PENDING".equals(t.get("status").asString()));
        assertThat(pending.get("deficiencies").toString()).contains("SKIPPED_UPGRADE_STOP", "16.7", "16.11");
        // the organisation's CSM follows, as review-service learnt from EngagementOpened on Kafka
        JsonNode followed = UpgradeAssistanceEndToEndIT.awaitTicket(sue, ticketId, t -> t.get("followers").size() == 1);
        assertThat(followed.get("followers").get(0).get("name").asString()).isEqualTo("casey.csm");
        sue.post().uri("/tickets/{id}/assignment", ticketId).exchange().expectStatus().isNoContent();

        // the metrics' own queries hold on H2 too: a gauge whose query failed would read NaN
        assertThat(gauge(Service.COORDINATION, "platform_processor_lag_age_seconds{", "processor=\"kafka-relay\"")).isNotNaN();
        assertThat(gauge(Service.REVIEW, "platform_deadlines_overdue{", "service=\"review-service\"")).isNotNaN();
        assertThat(gauge(Service.REVIEW, "platform_deadlines_scheduled{", "service=\"review-service\"")).isNotNaN();

        // the CSM's list with its filters, and a command retried with its Idempotency-Key
        csm.get().uri("/engagements?csm=casey.csm&hasDeviation=true&page=0&pageSize=10").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].engagementId").isEqualTo(engagementId);
        Map<String, Object> another = Map.of("customerOrganisation", "Globex", "csm", "casey.csm",
                "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE");
        String key = java.util.UUID.randomUUID().toString();
        String first = csm.post().uri("/engagements").header("Idempotency-Key", key).bodyValue(another)
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        csm.post().uri("/engagements").header("Idempotency-Key", key).bodyValue(another)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(first);

        // the auditor: state as of the third event, the hash chain, the case's timeline as CSV
        WebTestClient auditor = as(issuer, Service.COORDINATION, "alex.auditor", "AUDITOR");
        auditor.get().uri("/audit/aggregates/{id}/state?asOfSequence=2", engagementId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asOfSequence").isEqualTo(2)
                .jsonPath("$.state.referenceSize").isEqualTo("10k");
        auditor.get().uri("/audit/aggregates/{id}/verify", engagementId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("INTACT");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String csv = auditor.get().uri("/audit/cases/{id}/timeline?format=csv", engagementId).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv.split("\r\n")[0]).startsWith("occurred_at,event_id,case_id,");
            assertThat(csv).contains("coordination-service,EngagementOpened",
                    "review-service,SupportReviewCompleted", "coordination-service,DeviationAccepted");
        });

        // stopped and started again on the same folder: the engagement and the ticket are still there
        run.close();
        run = null;
        run = LocalRun.start(data, ports);
        WebTestClient csmAgain = as(issuer, Service.COORDINATION, "casey.csm", "CSM");
        JsonNode restored = new Engagements(csmAgain).state(engagementId);
        assertThat(restored.get("status").asString()).isEqualTo("DEVIATION_ACCEPTED");
        assertThat(restored.get("latestPlan").get("deviations").toString()).contains("gitaly");
        assertThat(restored.get("supportReviewVerdict").asString()).isEqualTo("SUPPORTABLE_WITH_CHANGES");
        WebTestClient sueAgain = as(issuer, Service.REVIEW, "sue.engineer", "SUPPORT_ENGINEER");
        sueAgain.get().uri("/tickets/{id}", ticketId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");
        // the shipped benchmark was registered once, at the first start, and not again at the restart
        JsonNode benchmarkEvents = as(issuer, Service.COORDINATION, "alex.auditor", "AUDITOR").get()
                .uri("/audit/aggregates/gpt-benchmarks-10k/history").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(benchmarkEvents.toString().split("\"GptBenchmarkRegistered\"", -1)).hasSize(2); // exactly one
        JsonNode benchmarks = csmAgain.get().uri("/gpt-benchmarks").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(benchmarks).hasSize(2);
        assertThat(benchmarks.get(0).get("size").asString()).isEqualTo("5k");
        assertThat(benchmarks.get(1).get("size").asString()).isEqualTo("10k");
        // and the case goes on where it stood
        step(csmAgain, engagementId, "migration/start", null);
        new Engagements(csmAgain).awaitStatus(engagementId, "MIGRATING");
    }

    /** The value of the first series on the service's /actuator/prometheus that starts with {@code series} and has {@code label}. */
    private double gauge(Service service, String series, String label) {
        String text = run.client(service).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String line = text.lines().filter(l -> l.startsWith(series) && l.contains(label)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private WebTestClient as(DevTokenIssuer issuer, Service service, String principal, String role) {
        return run.client(service, issuer.token(principal, role));
    }

    private static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name));
    }

    private static void step(WebTestClient csm, String engagementId, String step, Map<String, Object> body) {
        var request = csm.post().uri("/engagements/{id}/" + step, engagementId);
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isNoContent();
    }
}
