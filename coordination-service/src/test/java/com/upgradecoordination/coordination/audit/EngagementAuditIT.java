package com.upgradecoordination.coordination.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.EventStoreTampering;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.platform.audit.state.AggregateStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The platform's audit endpoints over a real engagement (SPEC section 6): history with the hash
 * chain, state as of any point, tamper evidence on PostgreSQL, recorded reads, and rebuilding the
 * engagement summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // snapshots every few events, so most commands load the engagement from a snapshot; the store
        // reads a few rows per query, so every read here (loads, history, as-of, rebuilds) spans batches
        properties = {"spring.config.name=coordination-service", "platform.snapshots.after-events=3",
            "platform.event-store.batch-size=" + EngagementAuditIT.STORE_BATCH_SIZE})
class EngagementAuditIT extends ServiceHttpTest {

    static final int STORE_BATCH_SIZE = 4;

    @Autowired
    EventStorageEngine storageEngine;

    /** The engagement's state right after each event was applied live by a command handler, by event id. */
    static final Map<String, JsonNode> LIVE_STATES = new ConcurrentHashMap<>();

    @TestConfiguration
    static class CaptureLiveStates {

        /**
         * Wraps every event-sourcing handler, the root's and its members'. Axon hands an event to the
         * root, then to each member; so the aggregate's state after an event is kept once the next
         * event reaches a handler, or the unit of work commits. The first time an event is applied
         * (live, in the command that applied it; later loads replay it again) its state is kept.
         */
        @Bean
        HandlerEnhancerDefinition captureStateAfterEachEvent() {
            return new HandlerEnhancerDefinition() {
                @Override
                public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                    if (original.annotationAttributes(EventSourcingHandler.class).isEmpty()) {
                        return original;
                    }
                    return new WrappedMessageHandlingMember<>(original) {
                        @Override
                        public Object handle(Message<?> message, T target) throws Exception {
                            if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()) {
                                EventBeingApplied.of(CurrentUnitOfWork.get()).reached(event.getIdentifier());
                            }
                            return super.handle(message, target);
                        }
                    };
                }
            };
        }
    }

    /** The event a unit of work applies, and the aggregate it applies it to; its state is kept when it is done. */
    static final class EventBeingApplied {
        private String eventId;
        private Object aggregateRoot;

        static EventBeingApplied of(UnitOfWork<?> unitOfWork) {
            return unitOfWork.root().getOrComputeResource(EventBeingApplied.class.getName(), key -> {
                EventBeingApplied applied = new EventBeingApplied();
                unitOfWork.root().onPrepareCommit(committing -> applied.done());
                return applied;
            });
        }

        void reached(String nextEventId) {
            if (!nextEventId.equals(eventId)) {
                done();
                eventId = nextEventId;
                aggregateRoot = ((AnnotatedAggregate<?>) Scope.getCurrentScope()).getAggregateRoot();
            }
        }

        private void done() {
            if (eventId != null) {
                LIVE_STATES.putIfAbsent(eventId, AggregateStates.render(aggregateRoot));
            }
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    static final List<Map<String, Object>> DEVIATING_10K_PLAN = List.of(
            component("consul", 3, 2, 1.8), component("postgresql", 3, 8, 30), component("pgbouncer", 3, 2, 1.8),
            component("redis-cache", 3, 4, 15), component("redis-persistent", 3, 4, 15),
            component("gitaly", 1, 16, 60), component("praefect", 3, 2, 1.8),
            component("praefect-postgresql", 1, 2, 1.8), component("sidekiq", 4, 4, 15),
            component("gitlab-rails", 3, 32, 28.8), component("monitoring", 1, 4, 3.6));

    WebTestClient csm;

    @BeforeEach
    void clients() {
        csm = TestClients.as(port, "casey.csm", "CSM");
    }

    static Map<String, Object> component(String name, int nodes, double vcpu, double memoryGb) {
        return Map.of("component", name, "nodes", nodes, "vcpu", vcpu, "memoryGb", memoryGb, "placement", "VM");
    }

    String open() {
        JsonNode created = csm.post().uri("/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerOrganisation", "Acme Corp", "csm", "casey.csm",
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    /** Requirements recorded, reference architecture matched, ProServ recommended: three events. */
    void recordRequirements(String engagementId, int expectedUsers) {
        csm.put().uri("/engagements/{id}/requirements", engagementId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentUsers", 1800, "expectedUsers", expectedUsers, "growthHorizonMonths", 18,
                        "highAvailability", true, "geo", false, "targetCompletionDate", "2027-09-30"))
                .exchange().expectStatus().isNoContent();
    }

    JsonNode get(WebTestClient client, String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theHistoryIsPagedAndEachEventCarriesItsLinkInTheHashChain() {
        String engagementId = open();
        recordRequirements(engagementId, 2800);

        JsonNode first = get(http, "/audit/aggregates/{id}/history?limit=2", engagementId);
        assertThat(first.get("aggregateType").asString()).isEqualTo("Engagement");
        assertThat(first.get("events")).hasSize(2);
        assertThat(first.get("nextFromSequence").asLong()).isEqualTo(2);
        JsonNode opened = first.get("events").get(0);
        assertThat(opened.get("sequence").asLong()).isZero();
        assertThat(opened.get("type").asString()).isEqualTo("EngagementOpened");
        assertThat(opened.get("schemaRevision").asString()).isEqualTo("1");
        assertThat(opened.get("actor").asString()).isEqualTo("casey.csm");
        assertThat(opened.get("actorRole").asString()).isEqualTo("CSM");
        assertThat(opened.get("origin").asString()).isEqualTo("HTTP POST /engagements");
        assertThat(opened.get("correlationId").asString()).isNotBlank();
        assertThat(opened.get("causationId").asString()).startsWith("request-");
        assertThat(opened.get("payload").get("customerOrganisation").asString()).isEqualTo("Acme Corp");
        assertThat(opened.get("link").get("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(first.get("events").get(1).get("link").get("previousHash").asString())
                .isEqualTo(opened.get("link").get("hash").asString());

        JsonNode rest = get(http, "/audit/aggregates/{id}/history?fromSequence=2&limit=2", engagementId);
        assertThat(rest.get("events")).hasSize(2);
        assertThat(rest.has("nextFromSequence")).isFalse();
        JsonNode last = rest.get("events").get(1);
        assertThat(rest.get("chainHead").get("sequence").asLong()).isEqualTo(3);
        assertThat(rest.get("chainHead").get("hash").asString()).isEqualTo(last.get("link").get("hash").asString());

        http.get().uri("/audit/aggregates/{id}/history?limit=0", engagementId).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/audit/aggregates/{id}/history", "no-such-engagement").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        csm.get().uri("/audit/aggregates/{id}/history", engagementId).exchange().expectStatus().isForbidden();
    }

    @Test
    void theStateAsOfTheFirstEventBetweenEventsAndTheLast() {
        String engagementId = open();
        recordRequirements(engagementId, 2800);

        JsonNode atOpening = get(http, "/audit/aggregates/{id}/state?asOfSequence=0", engagementId);
        assertThat(atOpening.get("aggregateType").asString()).isEqualTo("Engagement");
        assertThat(atOpening.get("asOfSequence").asLong()).isZero();
        assertThat(atOpening.get("state").get("customerOrganisation").asString()).isEqualTo("Acme Corp");
        assertThat(atOpening.get("state").get("referenceSize").isNull()).isTrue();

        JsonNode between = get(http, "/audit/aggregates/{id}/state?asOfSequence=1", engagementId);
        assertThat(between.get("state").get("referenceSize").isNull()).isTrue();
        JsonNode matched = get(http, "/audit/aggregates/{id}/state?asOfSequence=2", engagementId);
        assertThat(matched.get("state").get("referenceSize").asString()).isNotBlank();

        JsonNode last = get(http, "/audit/aggregates/{id}/state?asOfSequence=3", engagementId);
        assertThat(last.get("eventsApplied").asInt()).isEqualTo(4);
        assertThat(get(http, "/audit/aggregates/{id}/state", engagementId).get("state")).isEqualTo(last.get("state"));

        Instant openedAt = Instant.parse(atOpening.get("asOfTime").asString());
        JsonNode byTime = get(http, "/audit/aggregates/{id}/state?asOf={at}", engagementId, openedAt.toString());
        assertThat(byTime.get("state").get("customerOrganisation").asString()).isEqualTo("Acme Corp");
    }

    @Test
    void beforeTheCaseExistedThereIsNoStateAndBadParametersAreRefused() {
        String engagementId = open();
        JsonNode atOpening = get(http, "/audit/aggregates/{id}/state?asOfSequence=0", engagementId);
        Instant before = Instant.parse(atOpening.get("asOfTime").asString()).minusMillis(1);

        http.get().uri("/audit/aggregates/{id}/state?asOf={at}", engagementId, before.toString()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("did not exist yet"));
        http.get().uri("/audit/aggregates/{id}/state?asOfSequence=0", "no-such-engagement").exchange()
                .expectStatus().isNotFound();
        for (String query : List.of("asOfSequence=-1", "asOfSequence=x", "asOf=yesterday",
                "asOfSequence=1&asOf=2026-01-01T00:00:00Z")) {
            http.get().uri("/audit/aggregates/" + engagementId + "/state?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    /**
     * Property: whatever valid (or refused) commands an engagement went through, its state as of
     * every sequence equals the state the aggregate had right after that event was applied live.
     * Live, the engagement was mostly loaded from a snapshot (every 3 events here) and replayed
     * as of a point from its events alone: a field a snapshot lost or mangled shows up as a difference.
     */
    @Test
    void asOfEverySequenceIsTheStateTheEngagementHadRightAfterThatEvent() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            String engagementId = open();
            int commands = 4 + random.nextInt(6);
            for (int i = 0; i < commands; i++) {
                randomCommand(engagementId, random);
            }
            JsonNode events = get(http, "/audit/aggregates/{id}/history?limit=1000", engagementId).get("events");
            assertThat(events.size()).isGreaterThan(commands / 2);
            assertThat((Integer) ReflectionTestUtils.invokeMethod(storageEngine, "batchSize"))
                    .as("rows per query, so the reads below span several").isEqualTo(STORE_BATCH_SIZE);
            for (JsonNode event : events) {
                long sequence = event.get("sequence").asLong();
                JsonNode asOf = get(http, "/audit/aggregates/{id}/state?asOfSequence={s}", engagementId, sequence);
                assertThat(asOf.get("state")).as("seed %d, %s as of %d", seed, engagementId, sequence)
                        .isEqualTo(LIVE_STATES.get(event.get("eventId").asString()));
            }
            if (events.size() > 3) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = :id")
                        .param("id", engagementId).query(Long.class).single())
                        .as("seed %d: snapshots of %s", seed, engagementId).isPositive();
            }
        }
    }

    /** One of the engagement's commands with random input; a refusal by a business rule (409) is fine too. */
    void randomCommand(String engagementId, Random random) {
        String base = "/engagements/" + engagementId;
        WebTestClient.RequestHeadersSpec<?> request = switch (random.nextInt(7)) {
            case 0 -> csm.put().uri(base + "/requirements").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("currentUsers", 1000, "expectedUsers", 1000 + random.nextInt(11000),
                            "growthHorizonMonths", random.nextInt(24), "highAvailability", random.nextBoolean(),
                            "geo", false, "targetCompletionDate", "2027-09-30"));
            case 1 -> csm.post().uri(base + "/plans").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("author", "CUSTOMER", "components", DEVIATING_10K_PLAN,
                            "migrationApproach", "Geo replication, then failover"));
            case 2 -> csm.post().uri(base + "/internal-assistance-requests").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("team", "SUPPORT", "question", "Question " + random.nextInt(100)));
            case 3 -> csm.post().uri(base + "/reference-architecture-review");
            case 4 -> csm.post().uri(base + "/revision-discussion").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("outcome", "CANNOT_REVISE", "notes", "not in budget"));
            case 5 -> csm.post().uri(base + "/professional-services/declination").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "in-house expertise"));
            default -> csm.post().uri(base + "/expectations");
        };
        int status = request.exchange().returnResult(String.class).getStatus().value();
        assertThat(status).as("a valid command is done or refused by a rule").isIn(200, 201, 202, 204, 409);
    }

    @Test
    void aPayloadAlteredInPostgresqlIsNamedByTheVerification() {
        String engagementId = open();
        recordRequirements(engagementId, 2800);
        JsonNode intact = get(http, "/audit/aggregates/{id}/verify", engagementId);
        assertThat(intact.get("status").asString()).isEqualTo("INTACT");
        assertThat(intact.get("head").get("sequence").asLong()).isEqualTo(3);
        assertThat(get(http, "/audit/cases/{id}/verify", engagementId).get("status").asString()).isEqualTo("INTACT");

        EventStoreTampering.Alteration altered =
                EventStoreTampering.alterPayload(jdbc, engagementId, 1, payload -> payload.replace("2800", "28000"));

        JsonNode broken = get(http, "/audit/aggregates/{id}/verify", engagementId);
        assertThat(broken.get("status").asString()).isEqualTo("BROKEN");
        assertThat(broken.get("firstBrokenLink").get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("firstBrokenLink").get("eventId").asString()).isEqualTo(altered.eventId());
        assertThat(broken.get("firstBrokenLink").get("problem").asString()).isEqualTo("CONTENT_ALTERED");
        assertThat(broken.get("firstBrokenLink").get("differingColumns").get(0).asString()).isEqualTo("payload");
        JsonNode theCase = get(http, "/audit/cases/{id}/verify", engagementId);
        assertThat(theCase.get("status").asString()).isEqualTo("BROKEN");
        http.get().uri("/audit/cases/{id}/verify", "no-such-case").exchange().expectStatus().isNotFound();

        // the original bytes restore the chain (and keep the other tests' read models as they were)
        altered.undo();
        assertThat(get(http, "/audit/aggregates/{id}/verify", engagementId).get("status").asString())
                .isEqualTo("INTACT");
    }

    @Test
    void everyAuditReadIsRecordedAndCanBeListed() {
        String engagementId = open();
        WebTestClient ivy = TestClients.as(port, "ivy.auditor", "AUDITOR");
        get(ivy, "/audit/aggregates/{id}/history", engagementId);
        get(ivy, "/audit/aggregates/{id}/state?asOfSequence=0", engagementId);
        get(ivy, "/audit/aggregates/{id}/verify", engagementId);
        get(ivy, "/engagements/{id}/history", engagementId);
        ivy.get().uri("/engagements/{id}", engagementId).exchange(); // not an audit read: not recorded

        JsonNode reads = get(TestClients.as(port, "sam.manager", "SUPPORT_MANAGER"),
                "/audit/reads?principal=ivy.auditor&limit=3");
        List<String> targets = new ArrayList<>();
        reads.get("reads").forEach(read -> {
            targets.add(read.get("method").asString() + " " + read.get("target").asString());
            assertThat(read.get("role").asString()).isEqualTo("AUDITOR");
            assertThat(read.get("correlationId").asString()).isNotBlank();
        });
        assertThat(targets).containsExactly(
                "GET /audit/aggregates/" + engagementId + "/history",
                "GET /audit/aggregates/" + engagementId + "/state?asOfSequence=0",
                "GET /audit/aggregates/" + engagementId + "/verify");
        JsonNode next = get(http, "/audit/reads?principal=ivy.auditor&afterId={after}",
                reads.get("nextAfterId").asLong());
        assertThat(next.get("reads")).hasSize(1);
        assertThat(next.get("reads").get(0).get("target").asString()).isEqualTo("/engagements/" + engagementId + "/history");

        JsonNode none = get(http, "/audit/reads?principal=ivy.auditor&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z");
        assertThat(none.get("reads")).isEmpty();
        csm.get().uri("/audit/reads").exchange().expectStatus().isForbidden();
        http.get().uri("/audit/reads?limit=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theEngagementSummaryIsRebuiltFromTheLogWhileTheServiceAnswers() {
        String first = open();
        recordRequirements(first, 2800);
        String second = open();
        // engagements with deviation steps, questions and several plans: a rebuild replays many of
        // their events in one batch, where live each event came in a batch of its own
        Random random = new Random(42);
        for (int engagement = 0; engagement < 3; engagement++) {
            String engagementId = open();
            for (int command = 0; command < 12; command++) {
                randomCommand(engagementId, random);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> summaries().size() >= 5
                && get(http, "/audit/read-models/engagement-summary").get("eventsDone").asLong()
                == get(http, "/audit/read-models/engagement-summary").get("eventsTotal").asLong());
        List<Map<String, Object>> before = summaries();
        List<Map<String, Object>> beforeDetails = readModelRows();
        assertThat(beforeDetails).as("deviation steps and questions to compare").isNotEmpty();
        WebTestClient operator = TestClients.as(port, "sam.manager", "SUPPORT_MANAGER");

        JsonNode started = operator.post().uri("/audit/read-models/engagement-summary/rebuild").exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.get("rebuildStartedAt").asString()).isNotBlank();
        get(csm, "/engagements/{id}/history", second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = get(operator, "/audit/read-models/engagement-summary");
            assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong());
            assertThat(progress.get("state").asString()).isEqualTo("RUNNING");
            assertThat(progress.get("ratePerSecond").asDouble()).isPositive();
            assertThat(summaries()).isEqualTo(before);
            assertThat(readModelRows()).isEqualTo(beforeDetails);
        });
        JsonNode all = get(operator, "/audit/read-models");
        List<String> groups = new ArrayList<>();
        all.forEach(model -> groups.add(model.get("processingGroup").asString() + "=" + model.get("rebuildable").asBoolean()));
        assertThat(groups).contains("engagement-summary=true", "kafka-relay=false");

        operator.post().uri("/audit/read-models/kafka-relay/rebuild").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("not-a-read-model");
        operator.post().uri("/audit/read-models/no-such-model/rebuild").exchange().expectStatus().isNotFound();
        http.post().uri("/audit/read-models/engagement-summary/rebuild").exchange().expectStatus().isForbidden();
        assertThat(first).isNotBlank();
    }

    /** The deviation steps and questions, the rows beside the summaries. */
    List<Map<String, Object>> readModelRows() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql(
                "SELECT * FROM engagement_deviation_step ORDER BY engagement_id, plan_version, step").query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM engagement_assistance_request ORDER BY engagement_id, request_id")
                .query().listOfRows());
        return rows;
    }

    List<Map<String, Object>> summaries() {
        return jdbc.sql("SELECT * FROM engagement_summary ORDER BY engagement_id").query().listOfRows();
    }
}
