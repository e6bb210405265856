package com.upgradecoordination.review.web;

import static com.upgradecoordination.review.web.CoordinationServiceStandIn.KAFKA_WAIT;
import static com.upgradecoordination.review.web.CoordinationServiceStandIn.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.readmodel.EngagementTicketIndex;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSM follows a ticket filed while its engagement's EngagementOpened is being handled, once,
 * whichever of the two transactions comes first (SPEC T3), on PostgreSQL and the broker. Filing
 * the ticket reads the engagement directory and commits the ticket (with its engagement-ticket
 * index row); the opening writes the directory and reads the index. Each test holds one of them
 * open between its read and its commit and lets the other run until it has either committed or
 * waits for the held one in the database, so the interleaving that used to lose the CSM (each side
 * reading before the other committed) is forced, not hoped for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class CsmFollowerRaceIT extends ServiceHttpTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @AutoClose
    static final CoordinationServiceStandIn coordinationService = new CoordinationServiceStandIn();

    /** Where the EngagementOpened effect is held: after it read the engagement's open ticket. */
    static volatile Hold effectHold = Hold.NONE;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }

    /** The service's own index, which waits at {@link #effectHold} once it has answered. */
    @TestConfiguration
    static class HeldAfterReadingTheIndex {

        @Bean
        @Primary
        EngagementTicketIndex heldEngagementTicketIndex(JdbcClient jdbc) {
            return new EngagementTicketIndex(jdbc) {
                @Override
                public Optional<String> openTicketOf(String engagementId) {
                    Optional<String> open = super.openTicketOf(engagementId);
                    effectHold.reachedBy(engagementId);
                    return open;
                }
            };
        }
    }

    @Autowired
    CommandBus commandBus;

    WebTestClient portal;

    @BeforeEach
    void portal() {
        portal = TestClients.as(port, "support-portal", "INTEGRATION");
    }

    @Test
    void theOpeningHandledWhileTheTicketIsFiledMakesTheCsmFollowOnce() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String organisation = "Racing " + UUID.randomUUID();
        Hold filingHold = new Hold(engagementId);
        // held once its handler looked for the CSM, before its ticket commits
        Registration holdingTheFiling = holdTheFiling(filingHold);
        try {
            CompletableFuture<String> filing = CompletableFuture.supplyAsync(() -> file(engagementId, organisation));
            filingHold.awaitReached();

            EventEnvelope opened = opened(engagementId, organisation, "casey.csm");
            coordinationService.publish(opened);
            await().atMost(KAFKA_WAIT).until(() -> handled(opened) || waitsForTheEngagementDirectory());
            filingHold.release();

            String ticketId = filing.get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(KAFKA_WAIT).until(() -> handled(opened));
            assertFollowedOnceBy(ticketId, "casey.csm");
        } finally {
            filingHold.release();
            holdingTheFiling.cancel();
        }
    }

    @Test
    void aTicketFiledWhileTheOpeningIsHandledGetsTheCsmOnce() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        String organisation = "Racing " + UUID.randomUUID();
        Hold hold = new Hold(engagementId);
        effectHold = hold;
        try {
            EventEnvelope opened = opened(engagementId, organisation, "lee.csm");
            coordinationService.publish(opened);
            hold.awaitReached();

            CompletableFuture<String> filing = CompletableFuture.supplyAsync(() -> file(engagementId, organisation));
            await().atMost(KAFKA_WAIT).until(() -> filing.isDone() || waitsForTheEngagementDirectory());
            hold.release();

            String ticketId = filing.get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(KAFKA_WAIT).until(() -> handled(opened));
            assertFollowedOnceBy(ticketId, "lee.csm");
        } finally {
            hold.release();
            effectHold = Hold.NONE;
        }
    }

    /** The same shape for C8: a migration problem handled while the engagement's ticket is filed joins it. */
    @Test
    void aMigrationProblemHandledWhileTheTicketIsFiledJoinsIt() throws Exception {
        String engagementId = "engagement-" + UUID.randomUUID();
        Hold filingHold = new Hold(engagementId);
        Registration holdingTheFiling = holdTheFiling(filingHold);
        try {
            CompletableFuture<String> filing = CompletableFuture.supplyAsync(() -> file(engagementId, "Racing"));
            filingHold.awaitReached();

            EventEnvelope problem = envelope(engagementId, "MigrationProblemReported", json.valueToTree(
                    new MigrationProblemReported(engagementId, "problem-1", "Gitaly pods crash", "SUPPORT")));
            coordinationService.publish(problem);
            await().atMost(KAFKA_WAIT).until(() -> handled(problem, "ticket-migration-problems")
                    || waitsForTheEngagementDirectory());
            filingHold.release();

            String ticketId = filing.get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(KAFKA_WAIT).until(() -> handled(problem, "ticket-migration-problems"));
            assertThat(jdbc.sql("SELECT ticket_id FROM engagement_ticket WHERE engagement_id = :id")
                    .param("id", engagementId).query(String.class).list()).containsExactly(ticketId);
            assertThat(get("/tickets/{id}/history", ticketId).findValuesAsString("type"))
                    .contains("MigrationProblemNoted");
        } finally {
            filingHold.release();
            holdingTheFiling.cancel();
        }
    }

    /** Holds the filing of a ticket for the held engagement once its handler ran, before its unit of work commits. */
    Registration holdTheFiling(Hold hold) {
        return commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof RequestUpgradeAssistanceCommand request) {
                hold.reachedBy(request.engagementId());
            }
            return result;
        });
    }

    /** A second check, by numbers: filings and openings of many engagements at once, nothing held. */
    @Test
    void manyTicketsFiledAsTheirEngagementsOpenEachGetTheirCsmOnce() throws Exception {
        List<CompletableFuture<String>> filings = new ArrayList<>();
        List<EventEnvelope> openings = new ArrayList<>();
        List<String> csms = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 20; i++) {
            String engagementId = "engagement-" + UUID.randomUUID();
            String organisation = "Racing " + UUID.randomUUID();
            String csm = "csm-" + i;
            EventEnvelope opened = opened(engagementId, organisation, csm);
            filings.add(CompletableFuture.supplyAsync(() -> file(engagementId, organisation), callers));
            coordinationService.publish(opened);
            openings.add(opened);
            csms.add(csm);
        }
        callers.shutdown();
        await().atMost(KAFKA_WAIT).until(() -> openings.stream().allMatch(this::handled));
        for (int i = 0; i < filings.size(); i++) {
            assertFollowedOnceBy(filings.get(i).get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS), csms.get(i));
        }
    }

    /** The history (the event store) has the CSM following once, and the ticket shows it. */
    void assertFollowedOnceBy(String ticketId, String csm) {
        JsonNode history = get("/tickets/{id}/history", ticketId);
        assertThat(history.findValuesAsString("type")).as("the events of ticket %s", ticketId)
                .filteredOn("CsmAddedAsFollower"::equals).hasSize(1);
        await().atMost(KAFKA_WAIT).until(() -> found("/tickets/{id}", ticketId)
                .filter(ticket -> ticket.get("followers").size() == 1).isPresent());
        JsonNode follower = get("/tickets/{id}", ticketId).get("followers").get(0);
        assertThat(follower.get("name").asString()).isEqualTo(csm);
        assertThat(follower.get("source").asString()).isEqualTo("COORDINATION");
    }

    String file(String engagementId, String organisation) {
        LocalDate upgradeDate = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Map<String, Object> details = TicketApiIT.details(upgradeDate, true);
        JsonNode created = portal.post().uri("/tickets").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TicketApiIT.newTicket("STANDARD", organisation, engagementId, details))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("ticketId").asString();
    }

    static EventEnvelope opened(String engagementId, String organisation, String csm) {
        return envelope(engagementId, "EngagementOpened", json.valueToTree(
                new EngagementOpened(engagementId, organisation, csm, List.of("GROWTH"), "OMNIBUS")));
    }

    boolean handled(EventEnvelope event) {
        return handled(event, "engagement-directory");
    }

    boolean handled(EventEnvelope event, String consumer) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM processed_integration_event
                        WHERE consumer = :consumer AND event_id = :id AND outcome = 'APPLIED'""")
                .param("consumer", consumer).param("id", event.eventId()).query(Long.class).single() == 1;
    }

    /** Whether a statement on the engagement directory waits for another transaction's lock in this database. */
    boolean waitsForTheEngagementDirectory() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                            AND query LIKE '%engagement_directory%' AND pid <> pg_backend_pid()""")
                .query(Long.class).single() > 0;
    }

    /** One side held at a point until the test releases it; it holds only the named engagement's work. */
    static final class Hold {

        static final Hold NONE = new Hold(null);

        private final String engagementId;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Hold(String engagementId) {
            this.engagementId = engagementId;
        }

        /** Waits here if this is the held engagement's work (at most the Kafka wait, so a failing test ends). */
        void reachedBy(String engagementId) {
            if (this.engagementId == null || !Objects.equals(this.engagementId, engagementId)) {
                return;
            }
            reached.countDown();
            try {
                released.await(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS)).as("held side reached").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
