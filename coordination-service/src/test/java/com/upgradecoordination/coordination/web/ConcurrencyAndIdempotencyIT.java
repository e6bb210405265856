package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.platform.web.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC S4 on coordination-service, over HTTP against a real PostgreSQL and Kafka broker: reads
 * carry the engagement's version as ETag, a command's If-Match guards it, and an Idempotency-Key
 * makes a retry return the first result without acting twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class ConcurrencyAndIdempotencyIT extends ServiceHttpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    static final String CSM = "casey.csm";
    static final String REQUIREMENTS = """
            {"currentUsers":1800,"expectedUsers":%d,"growthHorizonMonths":18,"highAvailability":true,\
            "geo":false,"targetCompletionDate":"2027-09-30"}""";

    @Autowired
    IdempotencyKeys idempotencyKeys;

    @Autowired
    Environment environment;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = TestClients.anonymous(port);
    }

    static String openBody(String customer) {
        return """
                {"customerOrganisation":"%s","csm":"casey.csm","reasons":["GROWTH"],\
                "deploymentType":"OMNIBUS_MULTI_NODE"}""".formatted(customer);
    }

    /** A command as {@code principal} (a CSM) with a JSON body given as text, so its bytes are known. */
    WebTestClient.RequestHeadersSpec<?> command(HttpMethod method, String uri, String principal, String body) {
        var request = http.method(method).uri(uri).headers(TestTokens.bearer(principal, "CSM"));
        return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    String open(String customer) {
        JsonNode created = command(HttpMethod.POST, "/engagements", CSM, openBody(customer)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    /** The ETag of the engagement's GET, once its read model has it. */
    String etagOf(String engagementId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get().uri("/engagements/{id}", engagementId)
                .headers(TestTokens.bearer("ada.auditor", "AUDITOR")).exchange()
                .expectBody(String.class).returnResult().getStatus().value() == 200);
        return http.get().uri("/engagements/{id}", engagementId)
                .headers(TestTokens.bearer("ada.auditor", "AUDITOR")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();
    }

    // --- optimistic concurrency -------------------------------------------------------------

    @Test
    void aReadCarriesTheVersionAsETagAndACommandWithAMatchingIfMatchMovesIt() {
        String engagementId = open("ETag Corp");
        assertThat(etagOf(engagementId)).isEqualTo("\"0\"");

        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(2800))
                .header("If-Match", "\"0\"")
                .exchange()
                .expectStatus().isNoContent();
        // requirements recorded, the 3k reference architecture matched and ProServ recommended: three events
        assertThat(etagOf(engagementId)).isEqualTo("\"3\"");

        // a bare version is understood too
        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(2900))
                .header("If-Match", "3")
                .exchange()
                .expectStatus().isNoContent();
        assertThat(etagOf(engagementId)).isEqualTo("\"4\"");

        // "*": no version check
        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(2950))
                .header("If-Match", "*")
                .exchange()
                .expectStatus().isNoContent();
        assertThat(etagOf(engagementId)).isEqualTo("\"5\"");
    }

    @Test
    void aCommandWithAStaleIfMatchIsAConflictAndChangesNothing() {
        String engagementId = open("Stale Corp");
        String readBefore = etagOf(engagementId);
        // someone else records requirements after our read
        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(2800))
                .exchange()
                .expectStatus().isNoContent();
        long before = storedEvents();

        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(5000))
                .header("If-Match", readBefore)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(problemType("stale-version"))
                .jsonPath("$.title").isEqualTo("Stale version")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.expectedVersion").isEqualTo(0)
                .jsonPath("$.actualVersion").isEqualTo(3)
                .jsonPath("$.detail").isEqualTo("The resource is at version 3, the request was based on version 0; "
                        + "read it again (its ETag is the version) and retry.");
        // a version the engagement never had is refused the same way
        command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM, REQUIREMENTS.formatted(5000))
                .header("If-Match", "\"7\"")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(problemType("stale-version"));

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(etagOf(engagementId)).isEqualTo("\"3\"");
    }

    @Test
    void aMalformedIfMatchIsBadRequestAndChangesNothing() {
        String engagementId = open("Malformed Corp");
        long before = storedEvents();
        for (String ifMatch : List.of("abc", "W/\"0\"", "\"-1\"", "\"0\", \"1\"", "0.0", "\"\"", "\"0")) {
            command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM,
                    REQUIREMENTS.formatted(2800))
                    .header("If-Match", ifMatch)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.type").isEqualTo(problemType("invalid-input"));
        }
        command(HttpMethod.POST, "/engagements/" + engagementId + "/support-review-requests", CSM, null)
                .header("If-Match", "latest")
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(storedEvents()).isEqualTo(before);
    }

    // --- idempotency ------------------------------------------------------------------------

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResultAndActsOnce() {
        String key = "open-" + UUID.randomUUID();
        String body = openBody("Retry Corp");
        long before = storedEvents();

        EntityExchangeResult<String> first = command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(String.class).returnResult();
        String engagementId = json.readTree(first.getResponseBody()).get("engagementId").asString();

        EntityExchangeResult<String> retry = command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult();
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation())
                .hasToString("/engagements/" + engagementId);
        // one engagement opened, not two
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(eventsOf(engagementId)).isEqualTo(1);

        // a 204 is replayed as a 204
        String requirementsKey = "requirements-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            command(HttpMethod.PUT, "/engagements/" + engagementId + "/requirements", CSM,
                    REQUIREMENTS.formatted(2800))
                    .header("Idempotency-Key", requirementsKey)
                    .exchange()
                    .expectStatus().isNoContent()
                    .expectBody().isEmpty();
        }
        assertThat(eventsOf(engagementId)).isEqualTo(4);

        // a refusal is the first result too: the retry gets the same problem without running again
        String justifyKey = "justify-" + UUID.randomUUID();
        String justification = "{\"reasonCategory\":\"BUDGET\",\"explanation\":\"too expensive\"}";
        String refused = command(HttpMethod.POST, "/engagements/" + engagementId + "/deviation-justification", CSM,
                justification)
                .header("Idempotency-Key", justifyKey)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).returnResult().getResponseBody();
        command(HttpMethod.POST, "/engagements/" + engagementId + "/deviation-justification", CSM, justification)
                .header("Idempotency-Key", justifyKey)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(refused);
        assertThat(eventsOf(engagementId)).isEqualTo(4);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefusedAndChangesNothing() {
        String key = "reused-" + UUID.randomUUID();
        command(HttpMethod.POST, "/engagements", CSM, openBody("First Corp"))
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated();
        long before = storedEvents();

        command(HttpMethod.POST, "/engagements", CSM, openBody("Second Corp"))
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.type").isEqualTo(problemType("idempotency-key-reused"));
        // the same key on another endpoint is another request too
        command(HttpMethod.PUT, "/engagements/any/requirements", CSM, REQUIREMENTS.formatted(2800))
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(422);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMalformedKeyIsBadRequestAndChangesNothing() {
        long before = storedEvents();
        for (String key : List.of("has space", "a".repeat(201), "semi;colon", "slash/")) {
            command(HttpMethod.POST, "/engagements", CSM, openBody("Bad Key Corp"))
                    .header("Idempotency-Key", key)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(problemType("invalid-idempotency-key"));
        }
        // the longest acceptable key
        command(HttpMethod.POST, "/engagements", CSM, openBody("Long Key Corp"))
                .header("Idempotency-Key", "k".repeat(200))
                .exchange()
                .expectStatus().isCreated();
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void keysOfTwoPrincipalsDoNotCollide() {
        String key = "shared-" + UUID.randomUUID();
        String body = openBody("Two CSMs Corp");
        String caseys = command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
        String chris = command(HttpMethod.POST, "/engagements", "chris.csm", body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
        assertThat(chris).isNotEqualTo(caseys);
        assertThat(eventsOf(caseys)).isEqualTo(1);
        assertThat(eventsOf(chris)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT principal FROM idempotency_key WHERE idempotency_key = :key ORDER BY principal")
                .param("key", key).query(String.class).list()).containsExactly("casey.csm", "chris.csm");
    }

    @Test
    void keysAreKeptInTheDatabaseAndSurviveARestart() {
        String key = "durable-" + UUID.randomUUID();
        String body = openBody("Durable Corp");
        EntityExchangeResult<String> first = command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();

        // A store that shares nothing with the running service but its database, as after a restart.
        DriverManagerDataSource database = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        IdempotencyKeys afterRestart = new IdempotencyKeys(JdbcClient.create(database), Clock.systemUTC(),
                Duration.ofMinutes(1));
        String fingerprint = IdempotencyKeys.fingerprint("POST", "/engagements",
                body.getBytes(StandardCharsets.UTF_8));

        IdempotencyKeys.Claim claim = afterRestart.claim(CSM, key, fingerprint);
        assertThat(claim.outcome()).isEqualTo(IdempotencyKeys.Outcome.COMPLETED);
        assertThat(claim.response().status()).isEqualTo(201);
        assertThat(claim.response().location()).isEqualTo(first.getResponseHeaders().getLocation().toString());
        assertThat(claim.response().body()).isEqualTo(first.getResponseBody());
        assertThat(claim.response().contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(afterRestart.claim(CSM, key, IdempotencyKeys.fingerprint("POST", "/engagements",
                openBody("Other Corp").getBytes(StandardCharsets.UTF_8))).outcome())
                .isEqualTo(IdempotencyKeys.Outcome.KEY_REUSED);
    }

    @Test
    void aDuplicateWhileTheFirstRequestRunsIsAConflictUntilTheFirstIsTakenToHaveDied() {
        String key = "in-flight-" + UUID.randomUUID();
        String body = openBody("In Flight Corp");
        String fingerprint = IdempotencyKeys.fingerprint("POST", "/engagements",
                body.getBytes(StandardCharsets.UTF_8));
        // the first request has claimed the key and is still running
        IdempotencyKeys.Claim firstRequest = idempotencyKeys.claim(CSM, key, fingerprint);
        assertThat(firstRequest.outcome()).isEqualTo(IdempotencyKeys.Outcome.CLAIMED);
        long before = storedEvents();

        command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo(problemType("idempotency-key-in-progress"));
        assertThat(storedEvents()).isEqualTo(before);

        // a minute later the first request is taken to have died: a retry takes the key over and runs
        jdbc.sql("UPDATE idempotency_key SET created_at = :then WHERE principal = :principal AND idempotency_key = :key")
                .param("then", Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))))
                .param("principal", CSM).param("key", key).update();
        String engagementId = command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("engagementId").asString();
        assertThat(storedEvents()).isEqualTo(before + 1);

        // the first request, if it ever finishes, does not overwrite the result of the one that took over
        assertThat(idempotencyKeys.complete(CSM, key, firstRequest.token(),
                new IdempotencyKeys.StoredResponse(201, null, null, "{}"))).isFalse();
        command(HttpMethod.POST, "/engagements", CSM, body)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.engagementId").isEqualTo(engagementId);
    }
}
