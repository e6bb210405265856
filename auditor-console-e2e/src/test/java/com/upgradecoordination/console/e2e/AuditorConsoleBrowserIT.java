package com.upgradecoordination.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.devsupport.EventStoreTampering;
import com.upgradecoordination.local.LocalRun;
import com.upgradecoordination.local.LocalStack.Service;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's console in Debian's Chromium (playwright-core, {@code browser/console-walkthrough.mjs})
 * against the local run as {@link LocalRun} starts it: one case seeded through the HTTP API with a
 * deviating plan, a recorded refusal, the deviation process and a support review (so all three
 * services have events of it), then the walkthrough: refused for a CSM, sign-in with a pasted
 * token, find, timeline, as of, integrity, export, who looked, and BROKEN once a stored event is
 * altered behind coordination-service's back. Screenshots of each step land in
 * {@code target/console-screenshots/}.
 */
class AuditorConsoleBrowserIT {

    static final Path EXAMPLES = Path.of("..", "deploy", "local", "examples");
    static final Path BROWSER = Path.of("browser");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String CUSTOMER = "Acme Corp";
    static final List<String> STEPS = List.of("others-are-refused", "sign-in-with-a-token", "find-a-case",
            "timeline-across-the-three-services", "as-of-an-earlier-moment", "integrity-intact", "export-csv",
            "who-looked", "broken-after-tampering");

    @TempDir
    Path data;

    LocalRun run;
    DevTokenIssuer issuer;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void anAuditorReadsACaseInTheConsole() throws Exception {
        assertThat(Path.of(chromium())).as("Chromium (Debian package chromium; .ci/run installs it)").exists();
        run = LocalRun.start(data, LocalRun.Ports.free());
        issuer = LocalRun.issuer(data);
        String caseId = seedCase();

        Map<String, String> env = Map.of(
                "CONSOLE_URL", "http://127.0.0.1:" + run.port(Service.COORDINATION) + "/console/",
                "AUDITOR_TOKEN", issuer.token("alex.auditor", "AUDITOR"),
                "CSM_TOKEN", issuer.token("casey.csm", "CSM"),
                "CASE_ID", caseId,
                "CUSTOMER", CUSTOMER,
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString(),
                "CHROMIUM", chromium());
        ProcessBuilder walkthrough = new ProcessBuilder("node", "console-walkthrough.mjs")
                .directory(BROWSER.toFile())
                .redirectErrorStream(true);
        walkthrough.environment().putAll(env);
        Process node = walkthrough.start();

        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer answers = node.outputWriter(StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                System.out.println("[walkthrough] " + line);
                if (line.equals("TAMPER")) {
                    alterTheEngagementsFirstEvent(caseId);
                    answers.write("TAMPERED\n");
                    answers.flush();
                }
            }
        }
        // a hung browser must not hang the build
        boolean ended = node.waitFor(2, TimeUnit.MINUTES);
        String transcript = String.join("\n", output);
        assertThat(ended).as("the walkthrough ended:\n%s", transcript).isTrue();
        assertThat(node.exitValue()).as("the walkthrough's exit code:\n%s", transcript).isZero();
        assertThat(output).as(transcript).containsSubsequence(STEPS.stream().map(step -> "STEP " + step).toList());
        assertThat(output).contains("ALL STEPS PASSED");
        for (String shot : List.of("console-1-sign-in", "console-3-timeline", "console-4-as-of", "console-9-broken")) {
            assertThat(SCREENSHOTS.resolve(shot + ".png")).isNotEmptyFile();
        }
        theConsoleIsConfiguredAndOnlyItsOriginMayReadCrossOrigin();
    }

    /** What the page was told, and the CORS the other services answer (GET only, the console's origin only). */
    private void theConsoleIsConfiguredAndOnlyItsOriginMayReadCrossOrigin() {
        String consoleOrigin = "http://127.0.0.1:" + run.port(Service.COORDINATION);
        WebTestClient anonymous = run.client(Service.COORDINATION);
        anonymous.get().uri("/console/config.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.services['coordination-service']").isEqualTo("")
                .jsonPath("$.services['review-service']").isEqualTo("http://127.0.0.1:" + run.port(Service.REVIEW))
                .jsonPath("$.services['notification-service']")
                .isEqualTo("http://127.0.0.1:" + run.port(Service.NOTIFICATION))
                .jsonPath("$.pastedTokenSignIn").isEqualTo(true)
                .jsonPath("$.rolesClaim").isEqualTo("roles");
        WebTestClient review = run.client(Service.REVIEW);
        review.options().uri("/audit/reads").header("Origin", consoleOrigin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", consoleOrigin);
        review.options().uri("/tickets").header("Origin", consoleOrigin)
                .header("Access-Control-Request-Method", "POST")
                .exchange().expectStatus().isForbidden();
        review.options().uri("/audit/reads").header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange().expectStatus().isForbidden();
        // the console's files are public; the data behind them is not
        review.get().uri("/audit/reads").header("Origin", consoleOrigin).exchange().expectStatus().isUnauthorized();
    }

    /** The README's case, shortened, with one refusal the engagement records (SPEC C9). */
    private String seedCase() throws IOException {
        WebTestClient csm = as(Service.COORDINATION, "casey.csm", "CSM");
        // another customer's case, so that finding by customer has something to leave out
        open(csm, "Globex");
        String engagementId = open(csm, CUSTOMER);
        csm.put().uri("/engagements/{id}/requirements", engagementId)
                .bodyValue(Map.of("currentUsers", 6000, "expectedUsers", 9000, "growthHorizonMonths", 18,
                        "highAvailability", true, "geo", false, "targetCompletionDate", "2027-09-30"))
                .exchange().expectStatus().isNoContent();
        csm.post().uri("/engagements/{id}/plans", engagementId).bodyValue(example("deviating-10k-plan.json"))
                .exchange().expectStatus().isCreated();
        awaitEngagement(csm, engagementId, "PLAN_DEVIATES");
        // justified before the review and the discussion: refused, and the refusal is recorded
        csm.post().uri("/engagements/{id}/deviation-justification", engagementId)
                .bodyValue(Map.of("reasonCategory", "BUDGET", "explanation", "Two more Gitaly nodes are not in budget"))
                .exchange().expectStatus().is4xxClientError()
                .expectBody().jsonPath("$.rule").isEqualTo("justification-requires-review-and-discussion");
        step(csm, engagementId, "reference-architecture-review", null);
        step(csm, engagementId, "revision-discussion",
                Map.of("outcome", "CANNOT_REVISE", "notes", "Two more Gitaly nodes are not in budget"));
        step(csm, engagementId, "deviation-justification",
                Map.of("reasonCategory", "BUDGET", "explanation", "Two more Gitaly nodes are not in budget"));
        step(csm, engagementId, "expectations", null);
        csm.post().uri("/engagements/{id}/performance-results", engagementId)
                .bodyValue(example("gpt-10k_results.json")).exchange().expectStatus().isOk();
        String reviewId = csm.post().uri("/engagements/{id}/support-review-requests", engagementId)
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("reviewId").asString();
        WebTestClient senior = as(Service.REVIEW, "sam.senior", "SENIOR_SUPPORT_ENGINEER");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                senior.get().uri("/support-reviews/{id}", reviewId).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN"));
        senior.post().uri("/support-reviews/{id}/completion", reviewId)
                .bodyValue(Map.of("verdict", "SUPPORTABLE_WITH_CHANGES",
                        "recommendations", List.of("Plan for three Gitaly nodes")))
                .exchange().expectStatus().isNoContent();
        awaitEngagement(csm, engagementId, "SUPPORT_REVIEW_COMPLETED");

        // the console shows the timeline as it is: wait until all three services' events are in it
        WebTestClient auditor = as(Service.COORDINATION, "alex.auditor", "AUDITOR");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(auditor.get()
                .uri("/audit/cases/{id}/timeline", engagementId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("\"SupportReviewCompleted\"", "\"service\":\"review-service\"",
                        "\"service\":\"notification-service\""));
        return engagementId;
    }

    /** As someone with database access would: the engagement's first event, rewritten in place. */
    private void alterTheEngagementsFirstEvent(String engagementId) {
        DataSource coordination = run.stack().context(Service.COORDINATION).getBean(DataSource.class);
        EventStoreTampering.Alteration alteration = EventStoreTampering.alterPayload(JdbcClient.create(coordination),
                engagementId, 0, payload -> payload.replace(CUSTOMER, "Acme Holdings"));
        assertThat(new String(alteration.originalPayload(), StandardCharsets.UTF_8)).contains(CUSTOMER);
    }

    private String open(WebTestClient csm, String customer) {
        return csm.post().uri("/engagements")
                .bodyValue(Map.of("customerOrganisation", customer, "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
    }

    private static void awaitEngagement(WebTestClient csm, String engagementId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> csm.get().uri("/engagements/{id}", engagementId)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(status));
    }

    private static void step(WebTestClient csm, String engagementId, String step, Map<String, Object> body) {
        var request = csm.post().uri("/engagements/{id}/" + step, engagementId);
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().isNoContent();
    }

    private WebTestClient as(Service service, String principal, String role) {
        return run.client(service, issuer.token(principal, role));
    }

    private static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name));
    }

    private static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    }
}
