package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.ServiceProcess;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once effect of a command sent with an Idempotency-Key when its process dies between the
 * steps (issue 12): the service runs in its own JVM on PostgreSQL and a broker of this test's own, and
 * halts as a SIGKILL would at a fault-injection point: after claiming the key (nothing ran), then,
 * on the retry, after the command and its outcome on the key committed (the response was never
 * stored). The retry on a healthy process answers from the committed outcome: one engagement, one
 * event, and the answer names it.
 */
class IdempotencyCrashIT {

    static final String KEY = "crash-test-key-1";
    static final String CUSTOMER = "Crash Test Corp";
    static final String BODY = "{\"customerOrganisation\":\"" + CUSTOMER + "\",\"csm\":\"casey.csm\","
            + "\"reasons\":[\"GROWTH\"],\"deploymentType\":\"OMNIBUS_MULTI_NODE\"}";

    /**
     * Not the test JVM's shared broker: a halted process's consumers stay members of their groups
     * until their session expires (45 s), and the service contexts of the other tests, which share
     * those groups, would wait that long in each rebalance and on closing.
     */
    static KraftBroker broker;

    final Map<String, String> settings =
            ServiceTestSettings.forService("coordination-service", broker.bootstrapServers());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String token = TestTokens.token("casey.csm", "CSM");
    ServiceProcess service;

    @BeforeAll
    static void startBroker() {
        broker = KraftBroker.onFreePorts().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRetryAfterACrashAtEitherStepActsExactlyOnce() throws Exception {
        // 1. halts right after the key is claimed: nothing ran
        start("AFTER_CLAIM");
        assertThat(sendExpectingTheProcessToDie()).isEqualTo(137);
        assertThat(engagementsOpened()).isZero();
        assertThat(keyRow()).containsEntry("pending", true).containsEntry("committed", false);

        // 2. the retry takes the key over and runs the command, then halts before its response is stored
        start("AFTER_COMMAND_COMMIT");
        assertThat(retryUntilTakenOverExpectingTheProcessToDie()).isEqualTo(137);
        assertThat(engagementsOpened()).isEqualTo(1);
        assertThat(keyRow()).containsEntry("pending", true).containsEntry("committed", true);

        // 3. on a healthy process the retry answers from the committed command: no second engagement
        start(null);
        HttpResponse<String> answered = retryUntilAnswered();
        assertThat(answered.statusCode()).isEqualTo(201);
        String engagementId = onlyEngagementId();
        assertThat(answered.body()).contains("\"engagementId\":\"" + engagementId + "\"");
        assertThat(answered.headers().firstValue("Location")).contains("/engagements/" + engagementId);
        assertThat(engagementsOpened()).isEqualTo(1);
        assertThat(keyRow()).containsEntry("pending", false);

        // and from then on the stored response is replayed
        HttpResponse<String> replayed = post();
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replayed.body()).isEqualTo(answered.body());
        assertThat(engagementsOpened()).isEqualTo(1);
    }

    // --- the service in its own process ----------------------------------------------------

    void start(String haltAt) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(settings);
        // a key left pending by a dead process is taken over after two seconds (a minute in production)
        properties.put("platform.idempotency.take-over-after", "2s");
        if (haltAt != null) {
            properties.put("platform.fault-injection.halt-at", haltAt);
        }
        service = ServiceProcess.start("idempotency-crash-" + (haltAt == null ? "healthy" : haltAt),
                CoordinationServiceApplication.class, "coordination-service", properties, Duration.ofSeconds(120),
                KraftBroker.freePort(), ServiceProcess.TEST_JVM_OPTIONS);
    }

    HttpResponse<String> post() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/engagements"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request once; the process halts before answering. Returns its exit code. */
    int sendExpectingTheProcessToDie() throws Exception {
        try {
            HttpResponse<String> unexpected = post();
            throw new AssertionError("expected the process to die, got " + unexpected.statusCode() + " "
                    + unexpected.body());
        } catch (IOException connectionLost) {
            return service.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** Retries while the dead run's claim is young (409 in progress); the take-over then halts the process. */
    int retryUntilTakenOverExpectingTheProcessToDie() {
        await("the retry takes the key over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        HttpResponse<String> answer = post();
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                        return false;
                    } catch (IOException connectionLost) {
                        return true;
                    }
                });
        return service.awaitExit(Duration.ofSeconds(30));
    }

    HttpResponse<String> retryUntilAnswered() {
        return await("an answer other than 409 in progress").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(this::post, answer -> answer.statusCode() != 409);
    }

    // --- what the database holds -----------------------------------------------------------

    Connection database() throws SQLException {
        return DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"));
    }

    long engagementsOpened() throws SQLException {
        try (Connection connection = database(); ResultSet rs = connection.createStatement().executeQuery("""
                SELECT COUNT(*) FROM domainevententry
                WHERE payloadtype LIKE '%EngagementOpenedEvent' AND convert_from(payload, 'UTF8') LIKE '%Crash Test Corp%'""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String onlyEngagementId() throws SQLException {
        try (Connection connection = database(); ResultSet rs = connection.createStatement().executeQuery("""
                SELECT aggregateidentifier FROM domainevententry
                WHERE payloadtype LIKE '%EngagementOpenedEvent' AND convert_from(payload, 'UTF8') LIKE '%Crash Test Corp%'""")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    Map<String, Object> keyRow() throws SQLException {
        try (Connection connection = database(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT response_status, command_committed_at FROM idempotency_key WHERE idempotency_key = '" + KEY + "'")) {
            assertThat(rs.next()).as("the key's row").isTrue();
            return Map.of("pending", rs.getObject(1) == null, "committed", rs.getObject(2) != null);
        }
    }
}
