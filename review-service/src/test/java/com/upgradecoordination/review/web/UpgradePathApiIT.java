package com.upgradecoordination.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.platform.security.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /upgrade-paths} on the running service, with the bundled upgrade-stop catalog. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class UpgradePathApiIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    WebTestClient as(String role) {
        return TestClients.as(port, "pat." + role.toLowerCase(), role);
    }

    JsonNode get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void computesThePathWithTheConditionalStopsAsQuestionsAndNamesTheCatalogSource() {
        JsonNode answer = get(as(Roles.SUPPORT_ENGINEER), "/upgrade-paths?from=16.3.9&to=18.5.1");

        assertThat(answer.get("from").asString()).isEqualTo("16.3.9");
        assertThat(answer.get("to").asString()).isEqualTo("18.5.1");
        assertThat(strings(answer.get("path"))).containsExactly("16.7.10", "16.11.10", "17.3.7", "17.5.5", "17.8.7",
                "17.11.7", "18.2", "18.5.1");
        assertThat(answer.get("questions")).hasSize(1);
        JsonNode question = answer.get("questions").get(0);
        assertThat(question.get("stop").asString()).isEqualTo("17.1.8");
        assertThat(strings(question.get("conditions"))).containsExactly("LARGE_CI_PIPELINE_MESSAGES_TABLE");
        assertThat(question.get("question").asString()).isEqualTo("The upgrade stop 17.1.8 is required for instances "
                + "with a large ci_pipeline_messages table. Is the ci_pipeline_messages table in your instance's "
                + "database large?");
        assertThat(answer.get("notes")).isEmpty();
        assertThat(answer.get("catalog").get("version").asInt()).isEqualTo(1);
        assertThat(answer.get("catalog").get("source").asString()).contains("Plan your upgrade path");
        assertThat(answer.get("catalog").get("retrieved").asString()).isEqualTo("2026-11-22");
    }

    @Test
    void answeredConditionsPutStopsOnThePathOrLeaveThemOut() {
        JsonNode answer = get(as(Roles.CSM), "/upgrade-paths?from=15.11.13&to=16.3.9"
                + "&condition=NPM_PACKAGES_IN_REGISTRY:true&condition=LOTS_OF_USERS:false"
                + "&condition=LARGE_PIPELINE_VARIABLES_HISTORY:false");
        assertThat(strings(answer.get("path"))).containsExactly("16.1.8", "16.3.9");
        assertThat(answer.get("questions")).isEmpty();
    }

    @Test
    void theDocsWorkedExampleStartsAtTheCatalogsFirstStopAndSaysSo() {
        JsonNode answer = get(as(Roles.AUDITOR), "/upgrade-paths?from=14.0.12&to=16.1&condition=MULTIPLE_WEB_NODES:true"
                + "&condition=LOTS_OF_USERS:false&condition=LARGE_PIPELINE_VARIABLES_HISTORY:false");
        assertThat(strings(answer.get("path"))).containsExactly("15.0.5", "15.1.6", "15.4.6", "15.11.13", "16.1");
        assertThat(strings(answer.get("notes"))).singleElement().asString()
                .startsWith("The catalog lists required stops from 15.0.5 on");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "from=16.x&to=17.0.1            | from: '16.x' is not a GitLab version; write major.minor.patch or major.minor, e.g. 16.3.9 or 16.3",
        "from=16.3.9&to=latest          | to: 'latest' is not a GitLab version; write major.minor.patch or major.minor, e.g. 16.3.9 or 16.3",
        "to=17.0.1                      | Required query parameter 'from' is not present.",
        "from=17.0.1                    | Required query parameter 'to' is not present.",
        "from=16.3.9&to=                | to: required, the GitLab version to upgrade to, e.g. 16.3.9",
        "from=16.3.9&to=16.3.9          | to: the target version 16.3.9 is not newer than the current version 16.3.9",
        "from=17.0.1&to=16.11.10        | to: the target version 16.11.10 is not newer than the current version 17.0.1",
        "from=16.3.9&to=17.0.1&condition=NPM_PACKAGES_IN_REGISTRY | condition: 'NPM_PACKAGES_IN_REGISTRY' must be CONDITION:true or CONDITION:false, with CONDITION one of [MULTIPLE_WEB_NODES, LOTS_OF_USERS, LARGE_PIPELINE_VARIABLES_HISTORY, NPM_PACKAGES_IN_REGISTRY, LARGE_CI_PIPELINE_MESSAGES_TABLE]",
        "from=16.3.9&to=17.0.1&condition=LOTS_OF_USERS:maybe | condition: 'LOTS_OF_USERS:maybe' must be CONDITION:true or CONDITION:false",
        "from=16.3.9&to=17.0.1&condition=BIG:true | condition: 'BIG:true' must be CONDITION:true or CONDITION:false",
        "from=16.3.9&to=17.0.1&condition=LOTS_OF_USERS:true&condition=LOTS_OF_USERS:false | condition: LOTS_OF_USERS is given more than once"})
    void badInputIsAProblemNamingTheParameter(String query, String detail) {
        as(Roles.SUPPORT_ENGINEER).get().uri("/upgrade-paths?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").value(String.class, actual -> assertThat(actual).startsWith(detail));
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        TestClients.anonymous(port).get().uri("/upgrade-paths?from=16.3.9&to=18.5.1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenWithoutAnAllowedRoleIsForbidden() {
        TestClients.anonymous(port).get().uri("/upgrade-paths?from=16.3.9&to=18.5.1")
                .headers(TestTokens.bearer("carl.customer", "CUSTOMER"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} may read upgrade paths")
    @CsvSource({"SUPPORT_ENGINEER", "SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER", "CSM", "PROSERV", "AUDITOR",
        "INTEGRATION"})
    void everyReadingRoleMayAsk(String role) {
        assertThat(strings(get(as(role), "/upgrade-paths?from=17.11.7&to=18.2.3").get("path")))
                .containsExactly("18.2.3");
    }
}
