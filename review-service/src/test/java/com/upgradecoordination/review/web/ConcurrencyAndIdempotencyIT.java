package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.platform.web.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * SPEC S4 on review-service, against a real PostgreSQL and Kafka broker: a review's read carries
 * its version as ETag, the completion's If-Match guards it, and an Idempotency-Key makes a retried
 * completion return the first result. Reviews are opened as in production, from coordination-service's
 * SupportReviewRequested on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class ConcurrencyAndIdempotencyIT extends ServiceHttpTest {

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    static final String SUPPORTABLE = "{\"verdict\":\"SUPPORTABLE\",\"recommendations\":[]}";
    static final String WITH_CHANGES =
            "{\"verdict\":\"SUPPORTABLE_WITH_CHANGES\",\"recommendations\":[\"Add a second Gitaly node\"]}";

    @Autowired
    Environment environment;

    @BeforeEach
    void client() {
        http = TestClients.anonymous(port);
    }

    /** A review opened the way it is in production: from coordination-service's event on Kafka. */
    String openReview() throws Exception {
        String reviewId = coordinationService.requestReview();
        await().atMost(KAFKA_WAIT).until(() -> read(reviewId).getStatus().value() == 200);
        return reviewId;
    }

    EntityExchangeResult<String> read(String reviewId) {
        return http.get().uri("/support-reviews/{id}", reviewId)
                .headers(TestTokens.bearer("ada.auditor", "AUDITOR")).exchange()
                .expectBody(String.class).returnResult();
    }

    String etagOf(String reviewId) {
        return read(reviewId).getResponseHeaders().getETag();
    }

    WebTestClient.RequestHeadersSpec<?> complete(String reviewId, String actor, String role, String body) {
        return http.post().uri("/support-reviews/{id}/completion", reviewId)
                .headers(TestTokens.bearer(actor, role))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    @Test
    void aReadCarriesTheVersionAsETagAndOnlyACompletionBasedOnItIsRecorded() throws Exception {
        String reviewId = openReview();
        assertThat(etagOf(reviewId)).isEqualTo("\"0\"");
        long before = storedEvents();

        // a version the review does not have: refused, nothing stored
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                .header("If-Match", "\"1\"")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(problemType("stale-version"))
                .jsonPath("$.title").isEqualTo("Stale version")
                .jsonPath("$.expectedVersion").isEqualTo(1)
                .jsonPath("$.actualVersion").isEqualTo(0);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(etagOf(reviewId)).isEqualTo("\"0\"");

        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                .header("If-Match", "\"0\"")
                .exchange()
                .expectStatus().isNoContent();
        assertThat(etagOf(reviewId)).isEqualTo("\"1\"");
        assertThat(eventsOf(reviewId)).isEqualTo(2);
    }

    @Test
    void aMalformedIfMatchIsBadRequestAndChangesNothing() throws Exception {
        String reviewId = openReview();
        long before = storedEvents();
        for (String ifMatch : List.of("zero", "W/\"0\"", "\"-1\"", "\"0\", \"1\"")) {
            complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                    .header("If-Match", ifMatch)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(etagOf(reviewId)).isEqualTo("\"0\"");
    }

    @Test
    void aRetriedCompletionGetsTheFirstResultAndIsRecordedOnce() throws Exception {
        String reviewId = openReview();
        String key = "complete-" + UUID.randomUUID();
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", WITH_CHANGES)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        long before = storedEvents();

        // without the key this would be refused as already completed; with it, the first result comes back
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", WITH_CHANGES)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(eventsOf(reviewId)).isEqualTo(2);

        // the same key with another verdict is another request
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(problemType("idempotency-key-reused"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void keysOfTwoPrincipalsDoNotCollide() throws Exception {
        String samsReview = openReview();
        String maxsReview = openReview();
        String key = "shared-" + UUID.randomUUID();
        complete(samsReview, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isNoContent();
        // another principal's use of the same key for another request is neither a reuse nor a replay
        complete(maxsReview, "max.manager", "SUPPORT_MANAGER", WITH_CHANGES)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(eventsOf(samsReview)).isEqualTo(2);
        assertThat(eventsOf(maxsReview)).isEqualTo(2);
    }

    @Test
    void keysAreKeptInTheDatabaseAndSurviveARestart() throws Exception {
        String reviewId = openReview();
        String key = "durable-" + UUID.randomUUID();
        complete(reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER", SUPPORTABLE)
                .header("Idempotency-Key", key)
                .exchange()
                .expectStatus().isNoContent();

        assertThat(jdbc.sql("""
                        SELECT response_status FROM idempotency_key
                        WHERE principal = 'sam.senior' AND idempotency_key = :key""")
                .param("key", key).query(Integer.class).single()).isEqualTo(204);

        // a store that shares nothing with the running service but its database, as after a restart
        DriverManagerDataSource database = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        IdempotencyKeys afterRestart = new IdempotencyKeys(JdbcClient.create(database), Clock.systemUTC(),
                Duration.ofMinutes(1));
        IdempotencyKeys.Claim claim = afterRestart.claim("sam.senior", key, IdempotencyKeys.fingerprint("POST",
                "/support-reviews/" + reviewId + "/completion", SUPPORTABLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(claim.outcome()).isEqualTo(IdempotencyKeys.Outcome.COMPLETED);
        assertThat(claim.response().status()).isEqualTo(204);
        assertThat(claim.response().body()).isEmpty();
    }
}
