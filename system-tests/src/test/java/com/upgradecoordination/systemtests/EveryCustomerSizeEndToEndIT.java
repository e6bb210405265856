package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.catalog.CatalogConfiguration;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.local.LocalStack.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deviation process is no dead end for any customer size (issue 11): a 1k, a 5k, a 25k and a 50k
 * engagement, each with a deviating plan, go through steps a to f, Support's verdict comes back over
 * Kafka, and each ends accepted (g, h done) or returned to planning. 50k is compared with a benchmark
 * a Support Manager registers first; the other sizes have none and are judged against GPT's own
 * thresholds. Support sees the basis in its review.
 */
@ExtendWith(SharedRunningStack.class)
class EveryCustomerSizeEndToEndIT {

    static final ReferenceArchitectureCatalog CATALOG =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static RunningStack running;

    @BeforeAll
    static void useTheSharedStack(RunningStack shared) {
        running = shared;
    }

    record Case(String size, int expectedUsers, String supportVerdict, String expectedBasis, String endStatus) {
    }

    @Test
    void everySizeGoesThroughTheDeviationProcessToSupportsVerdictAndBack() {
        WebTestClient csm = running.as(Service.COORDINATION, "casey.csm", "CSM");
        WebTestClient senior = running.as(Service.REVIEW, "sam.senior", "SENIOR_SUPPORT_ENGINEER");

        running.as(Service.COORDINATION, "mo.manager", "SUPPORT_MANAGER").put().uri("/gpt-benchmarks/50k")
                .bodyValue(Map.of("results", JSON.readTree(gptResults(CATALOG.size("50k"), "50k", 1.0)),
                        "sourceUrl", "https://gitlab.example/quality/performance/-/wikis/Benchmarks/Latest/50k",
                        "publishedOn", "2026-11-02"))
                .exchange().expectStatus().isCreated();

        List<Case> cases = List.of(
                new Case("1k", 800, "SUPPORTABLE_WITH_CHANGES", "GPT_THRESHOLDS", "DEVIATION_ACCEPTED"),
                new Case("5k", 4000, "NOT_SUPPORTABLE", "GPT_THRESHOLDS", "RETURNED_TO_PLANNING"),
                new Case("25k", 20000, "SUPPORTABLE", "GPT_THRESHOLDS", "DEVIATION_ACCEPTED"),
                new Case("50k", 40000, "SUPPORTABLE_WITH_CHANGES", "BENCHMARK", "DEVIATION_ACCEPTED"));
        for (Case c : cases) {
            Engagements engagements = new Engagements(csm);
            String engagementId = engagements.open("Size " + c.size() + " Corp", "casey.csm");
            csm.put().uri("/engagements/{id}/requirements", engagementId)
                    .bodyValue(Map.of("currentUsers", c.expectedUsers() / 2, "expectedUsers", c.expectedUsers(),
                            "growthHorizonMonths", 18, "highAvailability", true, "geo", false,
                            "targetCompletionDate", "2028-09-30"))
                    .exchange().expectStatus().isNoContent();
            csm.post().uri("/engagements/{id}/plans", engagementId)
                    .bodyValue(Map.of("author", "CUSTOMER", "components", deviatingPlan(CATALOG.size(c.size())),
                            "planDocumentUrl", "https://gitlab.example/acme/collab/-/wikis/upgrade-plan"))
                    .exchange().expectStatus().isCreated();

            engagements.reviewReferenceAndRuleOutRevision(engagementId);
            engagements.justifyDeviation(engagementId);
            csm.post().uri("/engagements/{id}/expectations", engagementId).exchange().expectStatus().isNoContent();
            // the customer's run is a little below GitLab's benchmark run, and passes GPT's thresholds
            JsonNode compared = csm.post().uri("/engagements/{id}/performance-results", engagementId)
                    .bodyValue(gptResults(CATALOG.size(c.size()), "acme-" + c.size(), 0.97))
                    .exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            JsonNode basis = compared.get("comparison").get("basis");
            assertThat(basis.get("kind").asString()).as(c.size()).isEqualTo(c.expectedBasis());
            assertThat(compared.get("verdict").asString()).as(c.size())
                    .isEqualTo(c.expectedBasis().equals("BENCHMARK") ? "BELOW_BENCHMARK" : "MEETS_GPT_THRESHOLDS");

            String reviewId = engagements.requestSupportReview(engagementId);
            JsonNode review = await().atMost(Duration.ofSeconds(60)).until(
                    () -> senior.get().uri("/support-reviews/{id}", reviewId).exchange()
                            .returnResult(JsonNode.class).getResponseBody().blockFirst(),
                    body -> body != null && "OPEN".equals(body.path("status").asString()));
            assertThat(review.get("referenceSize").asString()).isEqualTo(c.size());
            assertThat(review.get("performance").get("basisKind").asString()).isEqualTo(c.expectedBasis());
            assertThat(review.get("performance").get("basis").asString())
                    .isEqualTo(basis.get("description").asString());

            senior.post().uri("/support-reviews/{id}/completion", reviewId)
                    .bodyValue(c.supportVerdict().equals("SUPPORTABLE") ? Map.of("verdict", "SUPPORTABLE")
                            : Map.of("verdict", c.supportVerdict(),
                            "recommendations", List.of("Run Gitaly Cluster on three nodes")))
                    .exchange().expectStatus().isNoContent();

            if (c.endStatus().equals("RETURNED_TO_PLANNING")) {
                engagements.awaitStatus(engagementId, "RETURNED_TO_PLANNING");
            } else {
                engagements.awaitStatus(engagementId, "SUPPORT_REVIEW_COMPLETED");
                engagements.adviseAndDocument(engagementId);
                JsonNode accepted = engagements.awaitStatus(engagementId, "DEVIATION_ACCEPTED");
                assertThat(accepted.get("deviationAcceptedPlanVersion").asInt()).isEqualTo(1);
                assertThat(accepted.get("performanceComparison").get("basis").get("kind").asString())
                        .isEqualTo(c.expectedBasis());
            }
        }
    }

    /** The size's reference architecture, one step smaller where it matters: Gitaly on one node, or a smaller single node. */
    static List<Map<String, Object>> deviatingPlan(ReferenceArchitecture size) {
        return size.components().stream()
                .map(c -> Map.<String, Object>of("component", c.component(),
                        "nodes", c.component().equals("gitaly") ? 1 : c.nodes(),
                        "vcpu", c.component().equals("gitlab-single-node") ? c.vcpu() / 2 : c.vcpu(),
                        "memoryGb", c.memoryGb(), "placement", "VM"))
                .toList();
    }

    /**
     * A GPT results file for the size's load profile: api, web and git push tests at their targets
     * (API RPS, a tenth of it for web, a fiftieth for git push), achieving {@code share} of each target.
     */
    static String gptResults(ReferenceArchitecture size, String environment, double share) {
        int api = size.apiRps();
        StringBuilder tests = new StringBuilder();
        double[][] targets = {{api, 200}, {Math.max(1, api / 50.0), 1000}, {Math.max(1, api / 10.0), 500}};
        String[] names = {"api_v4_groups", "git_push", "web_project"};
        for (int i = 0; i < names.length; i++) {
            double target = targets[i][0];
            if (i > 0) {
                tests.append(',');
            }
            tests.append(String.format(java.util.Locale.ROOT,
                    "{\"name\":\"%s\",\"rps_target\":%.2f,\"rps_result\":%.2f,\"rps_threshold\":%.2f,"
                            + "\"ttfb_p90\":%.2f,\"ttfb_p90_threshold\":%.0f,\"success_rate\":100,"
                            + "\"success_rate_threshold\":99,\"result\":true}",
                    names[i], target, target * share, target * 0.8, targets[i][1] * 0.5, targets[i][1]));
        }
        return "{\"name\":\"" + environment + "\",\"version\":\"18.6.0\",\"gpt_version\":\"2.16.0\",\"option\":\"60s_"
                + api + "rps\",\"date\":\"2026-11-01\",\"test_results\":[" + tests + "]}";
    }
}
