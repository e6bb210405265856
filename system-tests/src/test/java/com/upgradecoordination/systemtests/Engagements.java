package com.upgradecoordination.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Drives coordination-service's engagement endpoints the way the CSM tooling does. */
final class Engagements {

    /** The 10k reference architecture, except Gitaly on one node instead of three. */
    static final List<Map<String, Object>> DEVIATING_10K_PLAN = List.of(
            component("external-load-balancer", 1, 4, 3.6),
            component("consul", 3, 2, 1.8),
            component("postgresql", 3, 8, 30),
            component("pgbouncer", 3, 2, 1.8),
            component("internal-load-balancer", 1, 4, 3.6),
            component("redis-cache", 3, 4, 15),
            component("redis-persistent", 3, 4, 15),
            component("gitaly", 1, 16, 60),
            component("praefect", 3, 2, 1.8),
            component("praefect-postgresql", 1, 2, 1.8),
            component("sidekiq", 4, 4, 15),
            component("gitlab-rails", 3, 32, 28.8),
            component("monitoring", 1, 4, 3.6));

    private final WebTestClient csm;

    Engagements(WebTestClient csm) {
        this.csm = csm;
    }

    private static Map<String, Object> component(String name, int nodes, double vcpu, double memoryGb) {
        return Map.of("component", name, "nodes", nodes, "vcpu", vcpu, "memoryGb", memoryGb, "placement", "VM");
    }

    String open(String customer, String csmName) {
        JsonNode created = csm.post().uri("/engagements")
                .bodyValue(Map.of("customerOrganisation", customer, "csm", csmName,
                        "reasons", List.of("GROWTH", "CLOUD_PROVIDER_MOVE"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    void recordRequirementsFor10k(String engagementId) {
        csm.put().uri("/engagements/{id}/requirements", engagementId)
                .bodyValue(Map.of("currentUsers", 6000, "expectedUsers", 9000, "growthHorizonMonths", 18,
                        "highAvailability", true, "geo", false, "targetCompletionDate", "2027-09-30"))
                .exchange().expectStatus().isNoContent();
    }

    int submitDeviatingPlan(String engagementId) {
        JsonNode plan = csm.post().uri("/engagements/{id}/plans", engagementId)
                .bodyValue(Map.of("author", "CUSTOMER", "components", DEVIATING_10K_PLAN,
                        "migrationApproach", "Geo replication, then failover",
                        "rollbackApproach", "Fail back to the old primary",
                        "planDocumentUrl", "https://gitlab.example/acme/collab/-/wikis/upgrade-plan"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return plan.get("planVersion").asInt();
    }

    /** Steps a and b of the deviation process: the reference was reviewed; revising it was ruled out. */
    void reviewReferenceAndRuleOutRevision(String engagementId) {
        step(engagementId, "reference-architecture-review", null);
        step(engagementId, "revision-discussion", Map.of("outcome", "CANNOT_REVISE",
                "notes", "Two more Gitaly nodes are not in budget"));
    }

    /** Steps d and e: expectations set, then the customer's GPT results compared with the benchmark. */
    String setExpectationsAndSubmitPerformance(String engagementId) throws java.io.IOException {
        step(engagementId, "expectations", null);
        byte[] results = new org.springframework.core.io.ClassPathResource("gpt-10k_results.json").getContentAsByteArray();
        JsonNode compared = csm.post().uri("/engagements/{id}/performance-results", engagementId)
                .bodyValue(new String(results, java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return compared.get("verdict").asString();
    }

    /** Steps g and h. */
    void adviseAndDocument(String engagementId) {
        step(engagementId, "future-adoption-advice", null);
        step(engagementId, "documentation",
                Map.of("location", "https://gitlab.example/acme/collaboration/-/wikis/architecture-review"));
        step(engagementId, "documentation/shared-with-support", null);
    }

    /** C8: migrate, with one problem on the way (routed to Support: no ProServ here), and close as completed. */
    void migrateAndClose(String engagementId) {
        step(engagementId, "migration/start", null);
        csm.post().uri("/engagements/{id}/migration/problems", engagementId)
                .bodyValue(Map.of("description", "Geo replication lags behind by an hour"))
                .exchange().expectStatus().isCreated();
        step(engagementId, "migration/completion", null);
        step(engagementId, "closing", Map.of("outcome", "COMPLETED", "notes", "Running on the new 10k environment"));
    }

    private void step(String engagementId, String step, Map<String, Object> body) {
        var request = csm.post().uri("/engagements/{id}/" + step, engagementId);
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isNoContent();
    }

    void justifyDeviation(String engagementId) {
        csm.post().uri("/engagements/{id}/deviation-justification", engagementId)
                .bodyValue(Map.of("reasonCategory", "BUDGET", "explanation", "Two more Gitaly nodes are not in budget"))
                .exchange().expectStatus().isNoContent();
    }

    String requestSupportReview(String engagementId) {
        JsonNode requested = csm.post().uri("/engagements/{id}/support-review-requests", engagementId)
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return requested.get("reviewId").asString();
    }

    String sharePlanWithSupport(String engagementId) {
        JsonNode shared = csm.post().uri("/engagements/{id}/plan-reviews", engagementId)
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return shared.get("planReviewId").asString();
    }

    /** Waits until the engagement's history ends with an event of this type and returns that entry. */
    JsonNode awaitLatestEvent(String engagementId, String type) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode history = history(engagementId);
            return type.equals(history.get(history.size() - 1).get("type").asString());
        });
        JsonNode history = history(engagementId);
        return history.get(history.size() - 1);
    }

    JsonNode state(String engagementId) {
        return csm.get().uri("/engagements/{id}", engagementId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode history(String engagementId) {
        return csm.get().uri("/engagements/{id}/history", engagementId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode awaitStatus(String engagementId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var result = csm.get().uri("/engagements/{id}", engagementId).exchange()
                    .returnResult(JsonNode.class);
            JsonNode body = result.getResponseBody().blockFirst();
            return body != null && body.has("status") && status.equals(body.get("status").asString());
        });
        return state(engagementId);
    }
}
