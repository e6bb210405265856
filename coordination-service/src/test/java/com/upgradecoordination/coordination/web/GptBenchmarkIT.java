package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark register over HTTP on PostgreSQL (issue 11): the shipped catalog as its initial data,
 * registration by ProServ or a Support Manager, and comparisons that name the version they used and
 * keep their verdict when a newer one is registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class GptBenchmarkIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    static final String SOURCE = "https://gitlab.example/quality/performance/-/wikis/Benchmarks/Latest/5k";
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);

    @Autowired
    ReferenceArchitectureCatalog catalog;

    final JsonMapper json = JsonMapper.builder().build();
    EngagementSteps engagements;
    WebTestClient proserv;
    WebTestClient supportManager;

    @BeforeEach
    void clients() {
        engagements = new EngagementSteps(anonymous, catalog);
        proserv = TestClients.as(port, "pat.proserv", "PROSERV");
        supportManager = TestClients.as(port, "mo.manager", "SUPPORT_MANAGER");
    }

    static String file(String name) throws IOException {
        return new String(new ClassPathResource("gpt/" + name).getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    Map<String, Object> registration(String resultsFile, String publishedOn) throws IOException {
        return Map.of("results", json.readTree(file(resultsFile)), "sourceUrl", SOURCE, "publishedOn", publishedOn);
    }

    JsonNode benchmarks(String size) {
        return http.get().uri("/gpt-benchmarks?size={size}", size).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode awaitBenchmarkVersions(String size, int versions) {
        return await().atMost(PROJECTION_WAIT).until(() -> benchmarks(size), listed -> listed.size() == versions);
    }

    /** A deviating engagement of {@code size} with steps a to d done, ready for its GPT results. */
    String readyForPerformanceResults(String size, int expectedUsers) {
        String engagementId = engagements.open("Benchmark Corp", "casey.csm");
        engagements.requirements(engagementId, expectedUsers, "2028-01-15");
        engagements.submitPlan(engagementId, size, true);
        engagements.step(engagementId, "reference-architecture-review", null);
        engagements.step(engagementId, "revision-discussion", Map.of("outcome", "CANNOT_REVISE",
                "notes", "Three Gitaly nodes are over budget"));
        engagements.step(engagementId, "deviation-justification", Map.of("reasonCategory", "BUDGET",
                "explanation", "Three Gitaly nodes are over budget"));
        engagements.step(engagementId, "expectations", null);
        return engagementId;
    }

    JsonNode submitResults(String engagementId, String resultsFile) throws IOException {
        return engagements.post("/engagements/{id}/performance-results", engagementId)
                .bodyValue(file(resultsFile)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theShippedCatalogIsTheRegistersInitialData() {
        JsonNode tenK = awaitBenchmarkVersions("10k", 1).get(0);
        assertThat(tenK.get("version").asInt()).isEqualTo(1);
        assertThat(tenK.get("latest").asBoolean()).isTrue();
        assertThat(tenK.get("gitlabVersion").asString()).isEqualTo("14.1.0-pre");
        assertThat(tenK.get("runDate").asString()).isEqualTo("2021-06-24");
        assertThat(tenK.get("loadProfile").asString()).isEqualTo("60s_200rps");
        assertThat(tenK.get("registeredBy").asString()).isEqualTo("coordination-service");
        assertThat(tenK.get("origin").asString()).startsWith("catalog ");
    }

    @Test
    void aComparisonNamesTheBenchmarkVersionItUsedAndANewerVersionNeverChangesIt() throws IOException {
        // 5k has no benchmark until ProServ registers GitLab's published run
        proserv.put().uri("/gpt-benchmarks/5k").bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.size").isEqualTo("5k").jsonPath("$.version").isEqualTo(1);
        JsonNode first = awaitBenchmarkVersions("5k", 1).get(0);
        assertThat(first.get("registeredBy").asString()).isEqualTo("pat.proserv");
        assertThat(first.get("registeredRole").asString()).isEqualTo("PROSERV");
        assertThat(first.get("sourceUrl").asString()).isEqualTo(SOURCE);
        assertThat(first.get("publishedOn").asString()).isEqualTo("2026-10-21");
        assertThat(first.get("origin").asString()).isEqualTo("HTTP PUT /gpt-benchmarks/5k");

        String earlier = readyForPerformanceResults("5k", 4000);
        JsonNode compared = submitResults(earlier, "passing-5k_results.json");
        assertThat(compared.get("verdict").asString()).isEqualTo("AT_OR_ABOVE_BENCHMARK");
        assertThat(compared.get("comparison").get("basis").get("description").asString())
                .isEqualTo("BENCHMARK 5k v1 (GitLab 18.5.0-pre, 2026-10-20)");
        long comparedAtSequence = engagements.caughtUp(earlier).get("version").asLong();

        // GitLab publishes a faster 5k run; a Support Manager registers it as version 2
        supportManager.put().uri("/gpt-benchmarks/5k")
                .bodyValue(registration("benchmark-5k-v2_results.json", "2026-11-21"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        JsonNode versions = awaitBenchmarkVersions("5k", 2);
        assertThat(versions.get(0).get("latest").asBoolean()).isFalse();
        assertThat(versions.get(1).get("latest").asBoolean()).isTrue();

        // the same results judged now: below the newer benchmark, and saying so
        String later = readyForPerformanceResults("5k", 4000);
        JsonNode comparedLater = submitResults(later, "passing-5k_results.json");
        assertThat(comparedLater.get("verdict").asString()).isEqualTo("BELOW_BENCHMARK");
        assertThat(comparedLater.get("comparison").get("basis").get("benchmarkVersion").asInt()).isEqualTo(2);
        JsonNode fellShort = comparedLater.get("comparison").get("testsFellShort");
        assertThat(fellShort).isNotEmpty();
        assertThat(fellShort.get(0).get("shortOn").get(0).asString()).isEqualTo("SCORE");
        assertThat(fellShort.get(0).get("customer").get("rps").asDouble()).isPositive();
        assertThat(fellShort.get(0).get("reference").get("rps").asDouble()).isPositive();

        // the earlier verdict stands, naming version 1, now and as of its comparison
        JsonNode earlierNow = engagements.caughtUp(earlier);
        assertThat(earlierNow.get("performanceVerdict").asString()).isEqualTo("AT_OR_ABOVE_BENCHMARK");
        assertThat(earlierNow.get("performanceComparison").get("basis").get("benchmarkVersion").asInt()).isEqualTo(1);
        JsonNode asOf = http.get().uri("/audit/aggregates/{id}/state?asOfSequence={sequence}", earlier,
                        comparedAtSequence).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode performanceAsOf = asOf.get("state").get("latestPerformance");
        assertThat(performanceAsOf.get("verdict").asString()).isEqualTo("AT_OR_ABOVE_BENCHMARK");
        assertThat(performanceAsOf.get("basis").get("description").asString())
                .isEqualTo("BENCHMARK 5k v1 (GitLab 18.5.0-pre, 2026-10-20)");
    }

    @Test
    void withoutABenchmarkTheRunIsJudgedAgainstGptsThresholdsAndTheEngagementShowsWhatFellShort()
            throws IOException {
        String engagementId = readyForPerformanceResults("25k", 20000);
        String results = file("failing-5k_results.json")
                .replace("60s_100rps", "60s_500rps")
                .replace("\"rps_target\": 100, \"rps_result\": 72.5, \"rps_threshold\": 80",
                        "\"rps_target\": 500, \"rps_result\": 362.5, \"rps_threshold\": 400");
        JsonNode compared = engagements.post("/engagements/{id}/performance-results", engagementId)
                .bodyValue(results).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(compared.get("verdict").asString()).isEqualTo("BELOW_GPT_THRESHOLDS");

        JsonNode comparison = engagements.caughtUp(engagementId).get("performanceComparison");
        assertThat(comparison).isEqualTo(compared.get("comparison"));
        assertThat(comparison.get("basis").get("kind").asString()).isEqualTo("GPT_THRESHOLDS");
        assertThat(comparison.get("basis").get("loadProfile").asString()).isEqualTo("60s_500rps");
        assertThat(comparison.get("testsCompared").asInt()).isEqualTo(3);
        List<String> shortTests = new ArrayList<>();
        comparison.get("testsFellShort").forEach(test -> shortTests.add(test.get("test").asString()));
        assertThat(shortTests).containsExactly("api_v4_groups", "web_project");
        JsonNode groups = comparison.get("testsFellShort").get(0);
        assertThat(groups.get("customer").get("rps").asDouble()).isEqualTo(362.5);
        assertThat(groups.get("reference").get("rps").asDouble()).isEqualTo(400);
        assertThat(groups.get("reference").get("ttfbP90Ms").asDouble()).isEqualTo(200);

        // the CSM moves on to f
        engagements.post("/engagements/{id}/support-review-requests", engagementId).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void badRegistrationsAreRefusedWithProblemDetailsAndStoreNothing() throws IOException {
        awaitBenchmarkVersions("10k", 1);
        long before = storedEvents();
        // not GPT's results file
        proserv.put().uri("/gpt-benchmarks/3k")
                .bodyValue(Map.of("results", Map.of("name", "3k"), "sourceUrl", SOURCE, "publishedOn", "2026-10-21"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("GPT results: test_results must list at least one test");
        // a size that is not a reference architecture
        proserv.put().uri("/gpt-benchmarks/7k").bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("size: 7k is not a reference architecture size"));
        // the run of another size's load profile
        proserv.put().uri("/gpt-benchmarks/3k").bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // no source, no date
        proserv.put().uri("/gpt-benchmarks/5k").bodyValue(Map.of("results", json.readTree(file("benchmark-5k_results.json"))))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(benchmarks("3k")).isEmpty();
    }

    @Test
    void onlyProServAndSupportManagersRegisterBenchmarks() throws IOException {
        long before = storedEvents();
        TestClients.as(port, "casey.csm", "CSM").put().uri("/gpt-benchmarks/2k")
                .bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/gpt-benchmarks/2k").bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isForbidden();
        TestClients.anonymous(port).put().uri("/gpt-benchmarks/2k").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration("benchmark-5k_results.json", "2026-10-21"))
                .exchange().expectStatus().isUnauthorized();
        TestClients.as(port, "support-portal", "INTEGRATION").get().uri("/gpt-benchmarks").exchange()
                .expectStatus().isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
    }
}
