package com.upgradecoordination.platform.audit.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.platform.audit.AuditAutoConfiguration;
import com.upgradecoordination.platform.audit.web.ReadModelController;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.web.ProblemDetailsAdvice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of a service on one database (H2 in PostgreSQL mode, the local run's database, with
 * the platform's migrations): each runs the read model's tracking processor under the same name, and
 * they share its token. Axon resets the token only when the asking instance can claim every segment.
 */
class ReadModelRebuildsAcrossInstancesTest {

    static final String READ_MODEL = "summary";

    DataSource database;
    JdbcClient jdbc;
    Instance holder;
    Instance other;

    @BeforeEach
    void sharedDatabase() {
        database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(database);
    }

    @AfterEach
    void shutDown() {
        for (Instance instance : new Instance[] {other, holder}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void askedOfTheInstanceWithoutTheSegmentsTheRebuildIsRefusedNothingChangesAndItsProcessorGoesOn() {
        holderCaughtUpWith("opened", "booked");
        other = new Instance(database, "other", Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(10)).until(other.processor()::isRunning);
        List<Map<String, Object>> tokens = tokens();

        WebTestClient.bindToController(new ReadModelController(other.rebuilds))
                .controllerAdvice(new ProblemDetailsAdvice()).build()
                .post().uri("/audit/read-models/{name}/rebuild", READ_MODEL).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemDetailsAdvice.TYPE_PREFIX + "rule-violation")
                .jsonPath("$.title").isEqualTo("Refused by a business rule")
                .jsonPath("$.rule").isEqualTo(ReadModelRebuildRefusedException.HELD_BY_ANOTHER_INSTANCE)
                .jsonPath("$.recorded").isEqualTo(false)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("another instance of this service holds segments", "Nothing was changed",
                                "Ask again", "scale the service to one instance"));

        assertThat(tokens()).as("the shared token, its position and its owner").isEqualTo(tokens);
        assertThat(holder.resets.get() + other.resets.get()).as("reset handlers run").isZero();
        assertThat(holder.handled).containsExactly("opened", "booked");
        assertThat(other.processor().isRunning()).isTrue();
        assertThat(other.rebuilds.progress(READ_MODEL)).get()
                .extracting(ReadModelProgress::state).isEqualTo(ReadModelProgress.State.RUNNING);

        // The holder goes away: the refused instance's processor takes the segment over and goes on
        // from the shared position, with the next event only.
        holder.close();
        holder = null;
        other.publish("closed");
        await().atMost(Duration.ofSeconds(10)).until(() -> !other.handled.isEmpty());
        assertThat(other.handled).containsExactly("closed");
        assertThat(tokens()).singleElement().extracting(token -> token.get("owner")).isEqualTo("other");
    }

    @Test
    void askedOfTheInstanceThatHoldsTheSegmentsTheRebuildReplaysTheReadModel() {
        holderCaughtUpWith("opened", "booked");
        // The other instance tries for the segment once, finds it held and waits longer than the
        // test, so it cannot take the segment in the moment the holder lets it go to reset it.
        other = new Instance(database, "other", Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(other.processor()::isRunning);

        assertThat(holder.rebuilds.rebuild(READ_MODEL)).get()
                .extracting(ReadModelProgress::rebuildStartedAt).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> holder.handled.size() == 2 && holder.resets.get() == 1);
        assertThat(holder.handled).containsExactly("opened", "booked");
        assertThat(holder.processor().isRunning()).isTrue();
        assertThat(tokens()).singleElement().extracting(token -> token.get("owner")).isEqualTo("holder");
        assertThat(other.resets.get()).isZero();
    }

    /** The holder instance, started first, claims the read model's only segment and processes the events. */
    private void holderCaughtUpWith(String... events) {
        holder = new Instance(database, "holder", Duration.ofMillis(100));
        for (String event : events) {
            holder.publish(event);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> holder.handled.size() == events.length
                && holder.processor().processingStatus().containsKey(0));
        assertThat(tokens()).singleElement().extracting(token -> token.get("owner")).isEqualTo("holder");
    }

    /** The stored tokens without their claim's timestamp, which the holder renews while it runs. */
    private List<Map<String, Object>> tokens() {
        return jdbc.sql("SELECT processorname, segment, token, tokentype, owner FROM tokenentry ORDER BY segment")
                .query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> comparable = new TreeMap<>(row);
                    comparable.put("token", row.get("token") == null ? null
                            : new String((byte[]) row.get("token"), StandardCharsets.UTF_8));
                    return comparable;
                })
                .toList();
    }

    /** A read model in memory: what it handled since its last reset, and how many resets it had. */
    @ProcessingGroup(READ_MODEL)
    static final class Summary {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(String event) {
            handled.add(event);
        }

        @ResetHandler
        void reset() {
            handled.clear();
            resets.incrementAndGet();
        }
    }

    /**
     * One instance of the service: its own Axon configuration on the shared database, with the
     * platform's serializer settings (a reset stores Axon's ReplayToken), and its own node id.
     */
    static final class Instance implements AutoCloseable {
        final List<String> handled;
        final AtomicInteger resets;
        final Configuration axon;
        final ReadModelRebuilds rebuilds;

        Instance(DataSource database, String nodeId, Duration tokenClaimInterval) {
            Summary summary = new Summary();
            handled = summary.handled;
            resets = summary.resets;
            SpringTransactionManager transactions = new SpringTransactionManager(
                    new DataSourceTransactionManager(database));
            SpringDataSourceConnectionProvider connections = new SpringDataSourceConnectionProvider(database);
            Serializer serializer = Jackson3Serializer.builder()
                    .jsonMapperBuilderCustomizer(new AuditAutoConfiguration().axonJsonMapper(
                            new DefaultListableBeanFactory().getBeanProvider(PersonalDataCipher.class)))
                    .build();
            var configurer = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> serializer)
                    .configureTransactionManager(c -> transactions)
                    .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .build());
            configurer.eventProcessing()
                    .registerTrackingEventProcessor(READ_MODEL, Configuration::eventStore,
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andTokenClaimInterval(tokenClaimInterval.toMillis(), TimeUnit.MILLISECONDS))
                    .registerTokenStore(READ_MODEL, c -> JdbcTokenStore.builder()
                            .connectionProvider(connections)
                            .serializer(serializer)
                            .nodeId(nodeId)
                            .build())
                    .registerEventHandler(c -> summary);
            axon = configurer.buildConfiguration();
            axon.start();
            rebuilds = new ReadModelRebuilds(axon.eventProcessingConfiguration(), JdbcClient.create(database),
                    Set.of("kafka-relay"), Clock.systemUTC());
        }

        TrackingEventProcessor processor() {
            return axon.eventProcessingConfiguration().eventProcessor(READ_MODEL, TrackingEventProcessor.class)
                    .orElseThrow();
        }

        void publish(String event) {
            axon.eventBus().publish(GenericEventMessage.asEventMessage(event));
        }

        @Override
        public void close() {
            axon.shutdown();
        }
    }
}
