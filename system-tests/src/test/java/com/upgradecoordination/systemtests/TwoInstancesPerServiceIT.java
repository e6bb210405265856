package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.ServiceProcess;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.review.ReviewServiceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of coordination-service and of review-service, each in its own JVM, on one database
 * per service and one broker (issue 12): commands spread over both instances; 1,000 conflicting
 * commands on the same engagements never lose an update (a stale one is 409 and leaves nothing);
 * the relay runs on one instance and moves to the other when that one is killed, losing nothing;
 * a deadline fires once; a read model has each row once.
 */
class TwoInstancesPerServiceIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static KraftBroker broker;
    static Map<String, String> coordinationSettings;
    static Map<String, String> reviewSettings;
    static final List<ServiceProcess> coordination = new ArrayList<>();
    static final List<ServiceProcess> review = new ArrayList<>();

    @BeforeAll
    static void start() {
        broker = KraftBroker.onFreePorts().start();
        coordinationSettings = ServiceTestSettings.forService("coordination-service", broker.bootstrapServers());
        reviewSettings = ServiceTestSettings.forService("review-service", broker.bootstrapServers());
        List<CompletableFuture<ServiceProcess>> starting = List.of(
                startAsync("coordination-a", CoordinationServiceApplication.class, "coordination-service", coordinationSettings),
                startAsync("coordination-b", CoordinationServiceApplication.class, "coordination-service", coordinationSettings),
                startAsync("review-a", ReviewServiceApplication.class, "review-service", reviewSettings),
                startAsync("review-b", ReviewServiceApplication.class, "review-service", reviewSettings));
        coordination.add(starting.get(0).join());
        coordination.add(starting.get(1).join());
        review.add(starting.get(2).join());
        review.add(starting.get(3).join());
    }

    /** Four service JVMs start at once, each on C1 alone. */
    static CompletableFuture<ServiceProcess> startAsync(String instance, Class<?> main, String service,
                                                        Map<String, String> settings) {
        return CompletableFuture.supplyAsync(() -> ServiceProcess.start(instance, main, service, settings,
                Duration.ofSeconds(180), KraftBroker.freePort(), ServiceProcess.TEST_JVM_OPTIONS));
    }

    @AfterAll
    static void stop() {
        coordination.forEach(ServiceProcess::close);
        review.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.stop();
        }
    }

    // --- the test ------------------------------------------------------------------------------

    @Test
    void twoInstancesShareTheWorkWithoutLosingOrDoublingAnything() throws Exception {
        List<String> engagements = new ArrayList<>();
        // review-service's deadline is set first and checked last: its 20 s pass while coordination works
        String ticketWithDeadline = aDeadlineTwentySecondsAhead();
        for (int i = 0; i < 10; i++) {
            engagements.add(openEngagement(coordination.get(i % 2), "Two Instances " + i));
        }

        conflictingCommandsNeverLoseAnUpdate(engagements);
        eachEngagementIsOnceInTheReadModel(engagements);
        theRelayMovesToTheOtherInstanceWhenItsInstanceIsKilled(engagements);
        theDeadlineFiresOnce(ticketWithDeadline);
    }

    /** 1,000 requirement updates with If-Match from 8 clients over both instances. */
    void conflictingCommandsNeverLoseAnUpdate(List<String> engagements) throws Exception {
        record Write(String engagementId, long expectedVersion, int expectedUsers, int status, String body) {
        }
        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            running.add(CompletableFuture.runAsync(() -> {
                int n;
                while ((n = next.getAndIncrement()) < 1000) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String engagementId = engagements.get(random.nextInt(3)); // few aggregates: many conflicts
                    ServiceProcess instance = coordination.get(random.nextInt(2));
                    long version = version(coordination.get(random.nextInt(2)), engagementId);
                    int users = 1000 + n; // tells the writes apart
                    HttpResponse<String> answer = send(instance, "PUT", "/engagements/" + engagementId + "/requirements",
                            "casey.csm", "CSM", Map.of("currentUsers", 1, "expectedUsers", users,
                                    "growthHorizonMonths", 12, "highAvailability", true, "geo", false,
                                    "targetCompletionDate", "2029-06-30"),
                            Map.of("If-Match", "\"" + version + "\""));
                    writes.add(new Write(engagementId, version, users, answer.statusCode(), answer.body()));
                }
            }, clients));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        clients.shutdown();

        assertThat(writes).hasSize(1000);
        assertThat(writes).allSatisfy(write -> assertThat(write.status()).as(write.body()).isIn(204, 409));
        assertThat(writes).filteredOn(write -> write.status() == 409)
                .allSatisfy(write -> assertThat(write.body()).contains("stale-version"));
        long accepted = writes.stream().filter(write -> write.status() == 204).count();
        long refused = writes.size() - accepted;
        assertThat(accepted).as("some writes won").isPositive();
        assertThat(refused).as("the clients did conflict").isPositive();

        // every accepted write is stored right after the version it expected; no refused one is stored
        Map<String, Map<Long, Integer>> stored = requirementsRecorded(engagements.subList(0, 3));
        for (Write write : writes) {
            Map<Long, Integer> bySequence = stored.get(write.engagementId());
            if (write.status() == 204) {
                assertThat(bySequence.get(write.expectedVersion() + 1)).as("write of %d users on version %d",
                        write.expectedUsers(), write.expectedVersion()).isEqualTo(write.expectedUsers());
            } else {
                assertThat(bySequence.values()).doesNotContain(write.expectedUsers());
            }
        }
        assertThat(stored.values().stream().mapToInt(Map::size).sum()).isEqualTo((int) accepted);
        System.out.printf("two instances: %d of 1000 conflicting writes accepted, %d refused as stale%n",
                accepted, refused);
    }

    void eachEngagementIsOnceInTheReadModel(List<String> engagements) throws SQLException {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String engagementId : engagements) {
                JsonNode engagement = JSON.readTree(send(coordination.get(1), "GET", "/engagements/" + engagementId,
                        "alex.auditor", "AUDITOR", null, Map.of()).body());
                assertThat(engagement.get("version").asLong()).isEqualTo(version(coordination.get(0), engagementId));
            }
        });
        assertThat(query(coordinationSettings, "SELECT COUNT(*), COUNT(DISTINCT engagement_id) FROM engagement_summary"))
                .containsExactly(10L, 10L);
    }

    void theRelayMovesToTheOtherInstanceWhenItsInstanceIsKilled(List<String> engagements) throws Exception {
        try (TopicRecorder topic = new TopicRecorder(broker.bootstrapServers(), Topics.COORDINATION)) {
            ServiceProcess relayHolder = await().atMost(Duration.ofSeconds(60)).until(this::relayHolder,
                    java.util.Objects::nonNull);
            ServiceProcess survivor = coordination.get(0) == relayHolder ? coordination.get(1) : coordination.get(0);
            relayHolder.kill();

            for (int i = 0; i < 5; i++) {
                engagements.add(openEngagement(survivor, "After The Kill " + i));
            }
            // every event stored by either instance reaches the topic; the survivor took the relay over
            Set<String> storedIds = new HashSet<>(queryColumn(coordinationSettings, """
                    SELECT eventidentifier FROM domainevententry
                    WHERE payloadtype NOT LIKE '%PerformanceResultsSubmittedEvent' AND payloadtype NOT LIKE '%GptBenchmark%'
                      AND payloadtype NOT LIKE '%CommandRefused%'"""));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Set<String> published = new HashSet<>();
                topic.received().forEach(record -> published.add(JSON.readTree(record.value()).get("eventId").asString()));
                assertThat(published).containsAll(storedIds);
            });
            ServiceProcess holder = await().atMost(Duration.ofSeconds(30)).until(this::relayHolder,
                    java.util.Objects::nonNull);
            assertThat(holder).isSameAs(survivor);
            Map<String, Integer> copies = new HashMap<>();
            topic.received().forEach(record -> copies.merge(JSON.readTree(record.value()).get("eventId").asString(), 1,
                    Integer::sum));
            System.out.printf("relay failover: %d events on the topic, %d published more than once (at-least-once; "
                    + "consumers dedupe by event id)%n", copies.size(), copies.values().stream().filter(c -> c > 1).count());
        }
    }

    /** Sets the booking link's deadline (2 days before the upgrade) 20 s from now; returns the ticket's id. */
    String aDeadlineTwentySecondsAhead() throws Exception {
        Instant upgradeAt = Instant.now().plus(Duration.ofDays(2)).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> details = new HashMap<>();
        details.put("currentVersion", "16.3.9");
        details.put("targetVersion", "17.3.7");
        details.put("upgradePath", List.of("16.7.10", "16.11.10", "17.3.7"));
        details.put("instanceConditions", Map.of("LARGE_CI_PIPELINE_MESSAGES_TABLE", false));
        details.put("upgradePlan", "Backup, then each version of the path with its background migrations finished");
        details.put("rollbackPlan", "Restore the backup with gitlab-secrets.json and gitlab.rb on 16.3.9");
        details.put("architecture", "Omnibus, 10k reference architecture");
        details.put("contactEmail", "ops@acme.example");
        details.put("upgradeDate", upgradeAt.atZone(ZoneOffset.UTC).toLocalDate().toString());
        details.put("upgradeTime", upgradeAt.atZone(ZoneOffset.UTC).toLocalTime().toString());
        details.put("upgradeTimezone", "UTC");
        details.put("stagingNotes", "Simulated in staging without issues");
        HttpResponse<String> created = send(review.get(0), "POST", "/tickets", "support-portal", "INTEGRATION",
                Map.of("form", "STANDARD", "organisation", "Two Instances Upgrades", "details", details), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String ticketId = JSON.readTree(created.body()).get("ticketId").asString();
        HttpResponse<String> assigned = send(review.get(1), "POST", "/tickets/" + ticketId + "/assignment",
                "sue.engineer", "SUPPORT_ENGINEER", null, Map.of());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
        HttpResponse<String> call = send(review.get(0), "POST", "/tickets/" + ticketId + "/review-call",
                "support-portal", "INTEGRATION", null, Map.of());
        assertThat(call.statusCode()).as(call.body()).isEqualTo(204);
        return ticketId;
    }

    /** The deadline fires once, on one instance, though both poll the deadline table. */
    void theDeadlineFiresOnce(String ticketId) throws Exception {
        String overdue = "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = '" + ticketId
                + "' AND payloadtype LIKE '%ReviewCallLinkOverdueEvent'";
        await().atMost(Duration.ofSeconds(90)).until(() -> query(reviewSettings, overdue).get(0) >= 1);
        // both instances poll the deadline table: it stays fired once while the second one could fire it again
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(query(reviewSettings, overdue)).containsExactly(1L));
    }

    // --- helpers -------------------------------------------------------------------------------

    String openEngagement(ServiceProcess instance, String customer) {
        HttpResponse<String> created = send(instance, "POST", "/engagements", "casey.csm", "CSM",
                Map.of("customerOrganisation", customer, "csm", "casey.csm", "reasons", List.of("GROWTH"),
                        "deploymentType", "OMNIBUS_MULTI_NODE"), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("engagementId").asString();
    }

    long version(ServiceProcess instance, String engagementId) {
        HttpResponse<String> answer = send(instance, "GET", "/engagements/" + engagementId, "casey.csm", "CSM", null,
                Map.of());
        return Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    ServiceProcess relayHolder() throws SQLException {
        List<String> owners = queryColumn(coordinationSettings,
                "SELECT owner FROM tokenentry WHERE processorname = 'kafka-relay' AND owner IS NOT NULL");
        for (ServiceProcess instance : coordination) {
            if (instance.isAlive() && owners.stream().anyMatch(owner -> owner.startsWith(instance.pid() + "@"))) {
                return instance;
            }
        }
        return null;
    }

    static HttpResponse<String> send(ServiceProcess instance, String method, String path, String principal,
                                     String role, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.token(principal, role))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on " + instance.name() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Engagement id -> (sequence -> expected users) of its RequirementsRecorded events. */
    static Map<String, Map<Long, Integer>> requirementsRecorded(List<String> engagementIds) throws SQLException {
        Map<String, Map<Long, Integer>> stored = new HashMap<>();
        engagementIds.forEach(id -> stored.put(id, new HashMap<>()));
        try (Connection connection = connect(coordinationSettings);
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT aggregateidentifier, sequencenumber, convert_from(payload, 'UTF8') FROM domainevententry
                     WHERE payloadtype LIKE '%RequirementsRecordedEvent'""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Map<Long, Integer> bySequence = stored.get(rs.getString(1));
                if (bySequence != null) {
                    bySequence.put(rs.getLong(2), JSON.readTree(rs.getString(3)).get("expectedUsers").asInt());
                }
            }
        }
        return stored;
    }

    static List<Long> query(Map<String, String> settings, String sql) throws SQLException {
        try (Connection connection = connect(settings); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            List<Long> values = new ArrayList<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                values.add(rs.getLong(column));
            }
            return values;
        }
    }

    static List<String> queryColumn(Map<String, String> settings, String sql) throws SQLException {
        try (Connection connection = connect(settings); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static Connection connect(Map<String, String> settings) throws SQLException {
        return DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"));
    }
}
