package com.upgradecoordination.coordination.web;

import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.devsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The engagement's commands as a CSM sends them over HTTP, for ITs that need an engagement in some state. */
final class EngagementSteps {

    /** How long a read model may take to catch up with the event store. */
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);

    private final WebTestClient http;
    private final ReferenceArchitectureCatalog catalog;

    EngagementSteps(WebTestClient anonymous, ReferenceArchitectureCatalog catalog) {
        this.http = anonymous;
        this.catalog = catalog;
    }

    WebTestClient.RequestBodySpec post(String uri, Object... variables) {
        return http.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer("casey.csm", "CSM"));
    }

    String open(String customer, String csm) {
        JsonNode created = post("/engagements")
                .bodyValue(Map.of("customerOrganisation", customer, "csm", csm, "reasons", List.of("GROWTH"),
                        "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    void requirements(String engagementId, int expectedUsers, String targetCompletionDate) {
        http.put().uri("/engagements/{id}/requirements", engagementId).contentType(MediaType.APPLICATION_JSON)
                .headers(TestTokens.bearer("casey.csm", "CSM"))
                .bodyValue(Map.of("currentUsers", Math.max(1, expectedUsers / 2), "expectedUsers", expectedUsers,
                        "growthHorizonMonths", 12, "highAvailability", true, "geo", false,
                        "targetCompletionDate", targetCompletionDate))
                .exchange().expectStatus().isNoContent();
    }

    /** Submits {@code size}'s reference architecture, with Gitaly on one node when {@code deviating}. */
    int submitPlan(String engagementId, String size, boolean deviating) {
        List<Map<String, Object>> components = catalog.size(size).components().stream()
                .map(c -> Map.<String, Object>of("component", c.component(),
                        "nodes", deviating && c.component().equals("gitaly") ? 1 : c.nodes(),
                        "vcpu", c.vcpu(), "memoryGb", c.memoryGb(), "placement", "VM"))
                .toList();
        JsonNode plan = post("/engagements/{id}/plans", engagementId)
                .bodyValue(Map.of("author", "CUSTOMER", "components", components,
                        "planDocumentUrl", "https://gitlab.example/acme/collab/-/wikis/plan"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return plan.get("planVersion").asInt();
    }

    /** A step without an answer body, e.g. {@code expectations}; {@code body} may be null. */
    void step(String engagementId, String path, Map<String, Object> body) {
        var request = post("/engagements/{id}/" + path, engagementId);
        (body == null ? request : request.bodyValue(body)).exchange().expectStatus().is2xxSuccessful();
    }

    JsonNode history(String engagementId) {
        return http.get().uri("/engagements/{id}/history", engagementId)
                .headers(TestTokens.bearer("ada.auditor", "AUDITOR")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The history once its last event is of {@code type}. */
    JsonNode awaitHistoryEndingWith(String engagementId, String type, Duration within) {
        return await().atMost(within).until(() -> history(engagementId),
                entries -> entries.get(entries.size() - 1).get("type").asString().equals(type));
    }

    /** The engagement once its read model has caught up with the event store (ETag = stored version). */
    JsonNode caughtUp(String engagementId) {
        return await().atMost(PROJECTION_WAIT).until(() -> {
            var result = http.get().uri("/engagements/{id}", engagementId)
                    .headers(TestTokens.bearer("ada.auditor", "AUDITOR")).exchange()
                    .expectBody(JsonNode.class).returnResult();
            JsonNode body = result.getResponseBody();
            String etag = result.getResponseHeaders().getETag();
            return body != null && etag != null && etag.equals("\"" + body.get("version").asLong() + "\"")
                    ? body : null;
        }, java.util.Objects::nonNull);
    }
}
