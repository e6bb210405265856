package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The engagement read models (issue 4 item 8) over HTTP against PostgreSQL: one in full, and the filtered, paged list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class EngagementReadModelIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @Autowired
    ReferenceArchitectureCatalog catalog;

    EngagementSteps engagements;

    @BeforeEach
    void client() {
        engagements = new EngagementSteps(anonymous, catalog);
    }

    JsonNode engagement(String engagementId) {
        return get("/engagements/{id}", engagementId);
    }

    JsonNode list(String query) {
        return get("/engagements?" + query);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("engagementId").asString()));
        return ids;
    }

    @Test
    void oneEngagementInFullShowsItsStepAndWhatIsStillRequired() {
        String engagementId = engagements.open("Full View Corp", "casey.csm");
        JsonNode opened = engagements.caughtUp(engagementId);
        assertThat(opened.get("currentStep").asString()).isEqualTo("OPENED");
        assertThat(opened.get("requiredNext").get(0).asString()).isEqualTo("RECORD_REQUIREMENTS");

        engagements.requirements(engagementId, 6000, "2026-01-15");
        engagements.submitPlan(engagementId, "10k", true);
        engagements.step(engagementId, "reference-architecture-review", null);
        engagements.step(engagementId, "expectations", null);
        engagements.step(engagementId, "internal-assistance-requests",
                Map.of("team", "QUALITY", "question", "Does GPT cover CI-heavy load?"));
        engagements.post("/engagements/{id}/plan-reviews", engagementId).exchange().expectStatus().isAccepted();

        JsonNode full = engagements.caughtUp(engagementId);
        assertThat(full.get("status").asString()).isEqualTo("PLAN_DEVIATES");
        assertThat(full.get("currentStep").asString()).isEqualTo("DEVIATION_PROCESS");
        assertThat(full.get("deploymentType").asString()).isEqualTo("OMNIBUS_MULTI_NODE");
        assertThat(full.get("referenceSize").asString()).isEqualTo("10k");
        assertThat(full.get("timelineRisk").asBoolean()).isTrue();
        assertThat(full.get("professionalServices").get("strength").asString()).isEqualTo("HIGHLY_RECOMMENDED");
        assertThat(full.get("latestPlan").get("planVersion").asInt()).isEqualTo(1);
        assertThat(full.get("latestPlan").get("conforms").asBoolean()).isFalse();
        assertThat(full.get("latestPlan").get("deviations").get(0).get("component").asString()).isEqualTo("gitaly");
        JsonNode steps = full.get("deviationProcess").get("steps");
        assertThat(steps.get(0).get("step").asString()).isEqualTo("REFERENCE_ARCHITECTURE_REVIEWED");
        assertThat(steps.get(0).get("letter").asString()).isEqualTo("a");
        assertThat(steps.get(0).get("done").asBoolean()).isTrue();
        assertThat(steps.get(0).get("doneBy").asString()).isEqualTo("casey.csm");
        assertThat(steps.get(2).get("step").asString()).isEqualTo("DEVIATION_JUSTIFIED");
        assertThat(steps.get(2).get("done").asBoolean()).isFalse();
        assertThat(steps.get(2).get("waitsFor").get(0).asString()).isEqualTo("REVISION_DISCUSSED");
        assertThat(steps.get(4).get("takeableNow").asBoolean()).isTrue(); // e: expectations are set
        List<String> required = new ArrayList<>();
        full.get("requiredNext").forEach(r -> required.add(r.asString()));
        assertThat(required).startsWith("REVISION_DISCUSSED", "DEVIATION_JUSTIFIED", "PERFORMANCE_COMPARED")
                .doesNotContain("REFERENCE_ARCHITECTURE_REVIEWED", "EXPECTATIONS_SET");
        assertThat(full.get("openAssistanceRequests").get(0).get("team").asString()).isEqualTo("QUALITY");
        assertThat(full.get("pendingPlanReviews").get(0).get("planVersion").asInt()).isEqualTo(1);

        // the customer will revise: a new plan version is what is required now
        engagements.step(engagementId, "revision-discussion", Map.of("outcome", "WILL_REVISE"));
        JsonNode planning = engagements.caughtUp(engagementId);
        assertThat(planning.get("currentStep").asString()).isEqualTo("PLANNING");
        assertThat(planning.get("requiredNext").get(0).asString()).isEqualTo("SUBMIT_REVISED_PLAN");

        engagements.submitPlan(engagementId, "10k", false);
        JsonNode conforming = engagements.caughtUp(engagementId);
        assertThat(conforming.get("currentStep").asString()).isEqualTo("PLAN_CONFORMS");
        assertThat(conforming.get("requiredNext").get(0).asString()).isEqualTo("START_MIGRATION");
        assertThat(conforming.get("deviationProcess").isNull()).isTrue();
    }

    @Test
    void theListFiltersAndPagesInAStableOrder() {
        String csm = "csm-" + UUID.randomUUID();
        String sized3kDeviating = engagements.open("List Corp A", csm);
        engagements.requirements(sized3kDeviating, 3000, "2027-03-31");
        engagements.submitPlan(sized3kDeviating, "3k", true);
        String sized3kConforming = engagements.open("List Corp B", csm);
        engagements.requirements(sized3kConforming, 3000, "2027-09-30");
        engagements.submitPlan(sized3kConforming, "3k", false);
        String sized10k = engagements.open("List Corp A", csm);
        engagements.requirements(sized10k, 9000, "2027-12-31");
        String justOpened = engagements.open("List Corp C", csm);
        for (String id : List.of(sized3kDeviating, sized3kConforming, sized10k, justOpened)) {
            engagements.caughtUp(id);
        }

        JsonNode all = list("csm=" + csm);
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(ids(all)).containsExactly(justOpened, sized10k, sized3kConforming, sized3kDeviating);
        assertThat(ids(list("csm=" + csm + "&hasDeviation=true"))).containsExactly(sized3kDeviating);
        assertThat(ids(list("csm=" + csm + "&hasDeviation=false"))).containsExactly(justOpened, sized10k, sized3kConforming);
        assertThat(ids(list("csm=" + csm + "&referenceSize=3k"))).containsExactly(sized3kConforming, sized3kDeviating);
        assertThat(ids(list("csm=" + csm + "&customerOrganisation=List Corp A"))).containsExactly(sized10k, sized3kDeviating);
        assertThat(ids(list("csm=" + csm + "&step=PLAN_CONFORMS"))).containsExactly(sized3kConforming);
        assertThat(ids(list("csm=" + csm + "&step=OPENED"))).containsExactly(justOpened);
        assertThat(ids(list("csm=" + csm + "&targetDateFrom=2027-04-01&targetDateTo=2027-12-31")))
                .containsExactly(sized10k, sized3kConforming);

        JsonNode first = list("csm=" + csm + "&pageSize=3");
        JsonNode second = list("csm=" + csm + "&pageSize=3&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("pageSize").asInt()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(justOpened, sized10k, sized3kConforming);
        assertThat(ids(second)).containsExactly(sized3kDeviating);
        assertThat(ids(list("csm=" + csm + "&page=7"))).isEmpty();
    }

    @Test
    void badFiltersAreRefusedByField() {
        Map<String, String> invalid = Map.of(
                "step=NOT_A_STEP", "step",
                "referenceSize=7k", "referenceSize",
                "hasDeviation=maybe", "hasDeviation",
                "targetDateFrom=31.12.2027", "targetDateFrom",
                "targetDateFrom=2027-12-31&targetDateTo=2027-01-01", "targetDateTo",
                "pageSize=101", "pageSize",
                "pageSize=0", "pageSize",
                "page=-1", "page");
        invalid.forEach((query, field) -> http.get().uri("/engagements?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith(field + ":")));
        http.get().uri("/engagements?page=first").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theListIsNotForServiceAccountsNorWithoutAToken() {
        TestClients.anonymous(port).get().uri("/engagements")
                .headers(TestTokens.bearer("review-service", "INTEGRATION")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        TestClients.anonymous(port).get().uri("/engagements").exchange().expectStatus().isUnauthorized();
        TestClients.as(port, "casey.csm", "CSM").get().uri("/engagements?pageSize=1").exchange()
                .expectStatus().isOk();
    }
}
