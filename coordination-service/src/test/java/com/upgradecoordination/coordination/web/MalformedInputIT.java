package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * URLs, query parameters and bodies that once failed deep inside (500), were refused without a
 * body, or were accepted and then stopped a read model: found by system-tests' BadInputStays4xxIT.
 * Each is now a 400 problem+json naming what is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class MalformedInputIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @Test
    void aDateOrTimeBeyondTheYear9999IsInvalidInputNotAServerError() {
        assertThat(problem(http, "/audit/reads?to=-999999999-01-01T00:00:00Z").path("detail").asString())
                .startsWith("to: ");
        assertThat(problem(http, "/audit/reads?from=%2B999999999-12-31T23:59:59Z").path("detail").asString())
                .startsWith("from: ");
        assertThat(problem(http, "/audit/cases/some-case/timeline?from=-999999999-01-01T00:00:00Z")
                .path("detail").asString()).startsWith("from: ");
        assertThat(problem(http, "/engagements?targetDateTo=-999999999-01-01").path("detail").asString())
                .startsWith("targetDateTo: ");
    }

    @Test
    void aNulCharacterInAQueryParameterIsInvalidInputNotAServerError() {
        JsonNode problem = problem(TestClients.as(port, "pat.proserv", "PROSERV"), "/gpt-benchmarks?size=%00");
        assertThat(problem.path("detail").asString()).contains("size").contains("U+0000");
    }

    @Test
    void aUrlTheFirewallRefusesIsAProblemTooNotAnEmptyAnswer() {
        WebTestClient csm = TestClients.as(port, "casey.csm", "CSM");
        for (String path : new String[] {"/engagements/a%2Fb", "/engagements/%00", "/engagements/;x=1/history",
                                         "/engagements/%2E%2E/history"}) {
            assertThat(problem(csm, path).path("type").asString()).endsWith("/invalid-input");
        }
    }

    @Test
    void textHoldingANulCharacterIsInvalidInputAndNothingIsStored() {
        long before = events();
        JsonNode problem = TestClients.as(port, "casey.csm", "CSM").post().uri("/engagements")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"customerOrganisation":"Acme\\u0000Corp","csm":"casey.csm","reasons":["GROWTH"],
                         "deploymentType":"OMNIBUS_MULTI_NODE"}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("customerOrganisation");
        assertThat(problem.path("errors").get(0).path("reason").asString()).contains("U+0000");
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** GETs {@code pathAndQuery} exactly as written (no template encoding) and expects a 400 problem. */
    private JsonNode problem(WebTestClient client, String pathAndQuery) {
        return client.get().uri(builder -> URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
