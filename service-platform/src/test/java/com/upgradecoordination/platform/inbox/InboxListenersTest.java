package com.upgradecoordination.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions with a real inbox (H2 in PostgreSQL mode) and a command gateway that records what it is sent. */
class InboxListenersTest {

    record RecordOutcomeCommand(String reviewId, String verdict) {
    }

    record OpenedCommand(String reviewId) {
    }

    final JsonMapper jsonMapper = JsonMapper.builder().build();
    final CommandGateway commandGateway = mock(CommandGateway.class);
    final List<CommandMessage<?>> sent = new ArrayList<>();
    JdbcClient jdbc;
    IntegrationEventInbox inbox;
    /** Transactions committed, the inbox's own */
    int commits;
    long offset;

    final InboxSubscription outcomes = InboxSubscription.listener("coordination-review-events", Topics.REVIEW)
            .command(SupportReviewCompleted.class, "support-review-outcomes",
                    completed -> new RecordOutcomeCommand(completed.reviewId(), completed.verdict()));

    @BeforeEach
    void inboxOnAFreshDatabase() throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(dataSource);
        try (InputStream sql = getClass().getClassLoader()
                .getResourceAsStream("db/platform/V2__processed_integration_events.sql")) {
            jdbc.sql(new String(sql.readAllBytes(), StandardCharsets.UTF_8)).update();
        }
        DataSourceTransactionManager counted = new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                commits++;
                super.doCommit(status);
            }
        };
        inbox = new IntegrationEventInbox(jdbc, new TransactionTemplate(counted),
                "coordination-service", Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
        when(commandGateway.sendAndWait(any())).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return null;
        });
    }

    InboxListeners listeners(InboxSubscription... subscriptions) {
        return new InboxListeners(List.of(subscriptions), inbox, commandGateway, jsonMapper, mock(BeanFactory.class),
                ObservationRegistry.NOOP);
    }

    ConsumerRecord<String, EventEnvelope> record(Class<? extends Record> contract, JsonNode payload) {
        return record(UUID.randomUUID().toString(), contract, payload);
    }

    ConsumerRecord<String, EventEnvelope> record(String eventId, Class<? extends Record> contract, JsonNode payload) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        EventEnvelope envelope = new EventEnvelope(eventId, "engagement-1", "review-service",
                "SupportReview", "review-1", 3, annotation.type(), annotation.version(),
                Instant.parse("2029-12-31T12:00:00Z"),
                new Actor("sam.senior", "SENIOR_SUPPORT_ENGINEER"), "correlation-1", "command-1", "POST /reviews",
                payload);
        return new ConsumerRecord<>(Topics.REVIEW, 2, offset++, "engagement-1", envelope);
    }

    ConsumerRecord<String, EventEnvelope> completed() {
        return completed("review-1");
    }

    ConsumerRecord<String, EventEnvelope> completed(String reviewId) {
        return record(SupportReviewCompleted.class, jsonMapper.valueToTree(new SupportReviewCompleted(reviewId,
                "engagement-1", 2, "SUPPORTABLE", List.of("Add Gitaly nodes"), "sam.senior",
                "SENIOR_SUPPORT_ENGINEER")));
    }

    /** A record as the ErrorHandlingDeserializer hands on one that is not an envelope. */
    ConsumerRecord<String, EventEnvelope> notAnEnvelope() {
        byte[] data = "not json".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, EventEnvelope> record = new ConsumerRecord<>(Topics.REVIEW, 2, offset++, "engagement-1", null);
        SerializationUtils.deserializationException(record.headers(), data,
                new DeserializationException("not an envelope", data, false, new IllegalArgumentException("not json")),
                false);
        return record;
    }

    /** The gateway refuses the command of one review with {@code failure}; it takes the others. */
    void commandOf(String reviewId, RuntimeException failure) {
        // doAnswer: when(...) would call the gateway's earlier answer once with no command
        doAnswer(invocation -> {
            CommandMessage<?> command = invocation.getArgument(0);
            if (command.getPayload() instanceof RecordOutcomeCommand outcome && outcome.reviewId().equals(reviewId)) {
                throw failure;
            }
            sent.add(command);
            return null;
        }).when(commandGateway).sendAndWait(any());
    }

    List<String> outcomesOf(String consumer, List<ConsumerRecord<String, EventEnvelope>> records) {
        return records.stream().map(record -> jdbc.sql(
                        "SELECT outcome FROM processed_integration_event WHERE consumer = :consumer AND event_id = :id")
                .param("consumer", consumer).param("id", record.value().eventId()).query(String.class).optional()
                .orElse("none")).toList();
    }

    List<Object> sentPayloads() {
        return sent.stream().map(message -> (Object) message.getPayload()).toList();
    }

    String outcomeOf(String consumer, ConsumerRecord<String, EventEnvelope> record) {
        return jdbc.sql("SELECT outcome FROM processed_integration_event WHERE consumer = :consumer AND event_id = :id")
                .param("consumer", consumer).param("id", record.value().eventId()).query(String.class).single();
    }

    @Test
    void anEventOfTheContractBecomesItsCommandWithTheEventsAuditMetadata() {
        ConsumerRecord<String, EventEnvelope> record = completed();

        assertThat(listeners(outcomes).deliver(outcomes, record)).contains(Outcome.APPLIED);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getPayload()).isEqualTo(new RecordOutcomeCommand("review-1", "SUPPORTABLE"));
        assertThat(AuditMetadata.from(sent.get(0).getMetaData())).isEqualTo(new AuditMetadata(
                Actor.serviceAccount("coordination-service"), "correlation-1", record.value().eventId(),
                "kafka upgrade.review.events-2@" + record.offset()));
        assertThat(outcomeOf("support-review-outcomes", record)).isEqualTo("APPLIED");
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        InboxListeners listeners = listeners(outcomes);
        ConsumerRecord<String, EventEnvelope> record = completed();
        listeners.deliver(outcomes, record);

        assertThat(listeners.deliver(outcomes, record)).contains(Outcome.DUPLICATE);

        assertThat(sent).hasSize(1);
    }

    @Test
    void eventsOfOtherTypesAreSkippedWithoutTrace() {
        ConsumerRecord<String, EventEnvelope> opened = record(SupportReviewOpened.class,
                jsonMapper.valueToTree(new SupportReviewOpened("review-1", "engagement-1", 2)));

        assertThat(listeners(outcomes).deliver(outcomes, opened)).isEmpty();

        assertThat(sent).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_integration_event").query(Long.class).single()).isZero();
    }

    @Test
    void aPayloadThatCannotBeReadAsItsContractIsRejectedNotRetried() {
        ConsumerRecord<String, EventEnvelope> unreadable = record(SupportReviewCompleted.class,
                jsonMapper.readTree("[\"not\", \"a\", \"review\"]"));

        assertThat(listeners(outcomes).deliver(outcomes, unreadable)).contains(Outcome.REJECTED);

        assertThat(sent).isEmpty();
        assertThat(outcomeOf("support-review-outcomes", unreadable)).isEqualTo("REJECTED");
    }

    @Test
    void aCommandTheDomainRefusesIsRejected() {
        when(commandGateway.sendAndWait(any())).thenThrow(new IllegalArgumentException("reviewId: unknown"));
        ConsumerRecord<String, EventEnvelope> record = completed();

        assertThat(listeners(outcomes).deliver(outcomes, record)).contains(Outcome.REJECTED);

        assertThat(jdbc.sql("SELECT detail FROM processed_integration_event").query(String.class).single())
                .isEqualTo("reviewId: unknown");
    }

    @Test
    void eachContractOfASubscriptionHasItsOwnConsumerAndEffect() {
        List<String> effects = new ArrayList<>();
        InboxSubscription reviews = InboxSubscription.listener("review-events", Topics.REVIEW)
                .effect(SupportReviewOpened.class, "opened-reviews", (opened, inbound) -> {
                    effects.add("opened " + opened.reviewId() + " at " + inbound.envelope().occurredAt());
                    inbound.commands().send(new OpenedCommand(opened.reviewId()));
                })
                .command(SupportReviewCompleted.class, "completed-reviews",
                        completed -> new RecordOutcomeCommand(completed.reviewId(), completed.verdict()));
        ConsumerRecord<String, EventEnvelope> opened = record(SupportReviewOpened.class,
                jsonMapper.valueToTree(new SupportReviewOpened("review-1", "engagement-1", 2)));
        ConsumerRecord<String, EventEnvelope> completed = completed();
        InboxListeners listeners = listeners(reviews);

        listeners.deliver(reviews, opened);
        listeners.deliver(reviews, completed);

        assertThat(effects).containsExactly("opened review-1 at 2029-12-31T12:00:00Z");
        assertThat(sent.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly(new OpenedCommand("review-1"),
                new RecordOutcomeCommand("review-1", "SUPPORTABLE"));
        assertThat(outcomeOf("opened-reviews", opened)).isEqualTo("APPLIED");
        assertThat(outcomeOf("completed-reviews", completed)).isEqualTo("APPLIED");
    }

    @Test
    void aSubscriptionToEveryEventReadsThePayloadAsItChooses() {
        List<String> seen = new ArrayList<>();
        InboxSubscription everything = InboxSubscription.listener("all-review-events", Topics.REVIEW)
                .everyEvent("review-log", inbound -> seen.add(inbound.envelope().type() + " "
                        + inbound.payloadAs(SupportReviewOpened.class).reviewId()));

        Optional<Outcome> outcome = listeners(everything).deliver(everything, record(SupportReviewOpened.class,
                jsonMapper.valueToTree(new SupportReviewOpened("review-1", "engagement-1", 2))));

        assertThat(outcome).contains(Outcome.APPLIED);
        assertThat(seen).containsExactly("SupportReviewOpened review-1");
    }

    /** One completion as review-service publishes it while version 1 is deprecated: v2, then v1, one event id. */
    List<ConsumerRecord<String, EventEnvelope>> inTwoVersions() {
        SupportReviewCompletedV2 completed = new SupportReviewCompletedV2("review-1", "engagement-1", 2,
                "SUPPORTABLE", List.of(), "sam.senior", "SUPPORT_MANAGER");
        return List.of(record("event-1", SupportReviewCompletedV2.class, jsonMapper.valueToTree(completed)),
                record("event-1", SupportReviewCompleted.class, jsonMapper.valueToTree(completed.asVersion1())));
    }

    /** While version 1 is deprecated, one event is two records with one event id: each reaction takes its version. */
    @Test
    void aReactionTakesTheVersionOfItsContractOnly() {
        InboxSubscription latest = InboxSubscription.listener("review-events-v2", Topics.REVIEW)
                .command(SupportReviewCompletedV2.class, "completed-reviews-v2",
                        completed -> new RecordOutcomeCommand(completed.reviewId(), completed.reviewerRole()));
        InboxListeners listeners = listeners(latest);

        assertThat(listeners.deliver(latest, inTwoVersions().get(0))).contains(Outcome.APPLIED);
        assertThat(listeners.deliver(latest, inTwoVersions().get(1))).isEmpty();
        assertThat(listeners(outcomes).deliver(outcomes, inTwoVersions().get(1))).contains(Outcome.APPLIED);

        assertThat(sent.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly(
                new RecordOutcomeCommand("review-1", "SUPPORT_MANAGER"), new RecordOutcomeCommand("review-1", "SUPPORTABLE"));
    }

    /** A consumer of every event sees both versions of such an event; the inbox gives it one effect. */
    @Test
    void aConsumerOfEveryEventActsOnceOnAnEventInTwoVersions() {
        List<String> seen = new ArrayList<>();
        InboxSubscription everything = InboxSubscription.listener("all-review-events", Topics.REVIEW)
                .everyEvent("review-log", inbound -> seen.add(inbound.envelope().type() + " v"
                        + inbound.envelope().schemaVersion()));
        InboxListeners listeners = listeners(everything);

        assertThat(listeners.deliver(everything, inTwoVersions().get(0))).contains(Outcome.APPLIED);
        assertThat(listeners.deliver(everything, inTwoVersions().get(1))).contains(Outcome.DUPLICATE);

        assertThat(seen).containsExactly("SupportReviewCompleted v2");
    }

    @Test
    void eachSubscriptionIsAListenerWhoseIdIsItsConsumerGroup() throws Exception {
        KafkaListenerEndpointRegistrar registrar = mock(KafkaListenerEndpointRegistrar.class);
        BeanFactory beans = mock(BeanFactory.class);
        KafkaListenerContainerFactory<?> deadLetters = mock(KafkaListenerContainerFactory.class);
        when(beans.getBean("deadLetterFactory", KafkaListenerContainerFactory.class)).thenReturn(deadLetters);
        InboxSubscription withOwnFactory = InboxSubscription.listener("notification-review-events", Topics.REVIEW,
                Topics.COORDINATION).containerFactory("deadLetterFactory").everyEvent("review-notifications", e -> { });

        new InboxListeners(List.of(outcomes, withOwnFactory), inbox, commandGateway, jsonMapper, beans, ObservationRegistry.NOOP)
                .configureKafkaListeners(registrar);

        ArgumentCaptor<MethodKafkaListenerEndpoint<?, ?>> endpoint = ArgumentCaptor.captor();
        verify(registrar).registerEndpoint(endpoint.capture(), isNull());
        assertThat(endpoint.getValue().getId()).isEqualTo("coordination-review-events");
        assertThat(endpoint.getValue().getGroupId()).isEqualTo("coordination-review-events");
        assertThat(endpoint.getValue().getTopics()).containsExactly(Topics.REVIEW);
        verify(registrar).registerEndpoint(endpoint.capture(), any(KafkaListenerContainerFactory.class));
        assertThat(endpoint.getValue().getGroupId()).isEqualTo("notification-review-events");
        assertThat(endpoint.getValue().getTopics()).containsExactly(Topics.REVIEW, Topics.COORDINATION);
    }

    @Test
    void aListenerOfChosenContractsNamesThemToItsConsumersAndOfRareOnesRunsOneWaitingForFullerPolls() {
        KafkaListenerEndpointRegistrar registrar = mock(KafkaListenerEndpointRegistrar.class);
        InboxSubscription erasures = InboxSubscription.listener("test-erasures", Topics.COORDINATION).rareContracts()
                .command(PersonalDataErased.class, "personal-data-erasures", erased -> erased);
        InboxSubscription everything = InboxSubscription.listener("test-everything", Topics.COORDINATION)
                .everyEvent("everything", inbound -> { });

        new InboxListeners(List.of(erasures, everything), inbox, commandGateway, jsonMapper, mock(BeanFactory.class),
                ObservationRegistry.NOOP)
                .configureKafkaListeners(registrar);

        ArgumentCaptor<MethodKafkaListenerEndpoint<?, ?>> endpoints = ArgumentCaptor.captor();
        verify(registrar, times(2)).registerEndpoint(endpoints.capture(), isNull());
        MethodKafkaListenerEndpoint<?, ?> ofErasures = endpoints.getAllValues().get(0);
        assertThat(ofErasures.getConcurrency()).isEqualTo(1);
        assertThat(ofErasures.getConsumerProperties().getProperty(EnvelopeDeserializer.HANDLED_CONTRACTS))
                .isEqualTo("PersonalDataErased/v1");
        assertThat(ofErasures.getConsumerProperties())
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536")
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        MethodKafkaListenerEndpoint<?, ?> ofEverything = endpoints.getAllValues().get(1);
        assertThat(ofEverything.getConcurrency()).as("the factory's").isNull();
        assertThat(ofEverything.getConsumerProperties()).isNull();
    }

    @Test
    void anInboxConsumerNameIsOneReactionsAlone() {
        InboxSubscription again = InboxSubscription.listener("other-listener", Topics.REVIEW)
                .command(SupportReviewOpened.class, "support-review-outcomes", opened -> opened);

        assertThatThrownBy(() -> listeners(outcomes, again))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("support-review-outcomes");
        assertThatThrownBy(() -> outcomes.command(SupportReviewCompleted.class, "other", completed -> completed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already reacts");
    }

    @Test
    void aPollsEffectsCommitInOneTransactionAndAnEventAlreadyDoneHasNone() {
        InboxListeners listeners = listeners(outcomes);
        ConsumerRecord<String, EventEnvelope> done = completed("review-1");
        listeners.deliver(outcomes, done);
        commits = 0;
        List<ConsumerRecord<String, EventEnvelope>> poll = List.of(done, completed("review-2"),
                record(SupportReviewOpened.class, jsonMapper.valueToTree(new SupportReviewOpened("review-3", "engagement-1", 2))),
                completed("review-4"));

        listeners.deliverPoll(outcomes, poll);

        assertThat(commits).isEqualTo(1);
        assertThat(sentPayloads()).containsExactly(new RecordOutcomeCommand("review-1", "SUPPORTABLE"),
                new RecordOutcomeCommand("review-2", "SUPPORTABLE"), new RecordOutcomeCommand("review-4", "SUPPORTABLE"));
        assertThat(outcomesOf("support-review-outcomes", poll)).containsExactly("APPLIED", "APPLIED", "none", "APPLIED");
    }

    /** A refusal undoes the poll's transaction; taken one at a time, the others apply and it alone is REJECTED. */
    @Test
    void aRefusalInAPollIsRejectedAloneAndTheOthersApply() {
        commandOf("review-2", new IllegalArgumentException("reviewId: unknown"));
        List<ConsumerRecord<String, EventEnvelope>> poll = List.of(completed("review-1"), completed("review-2"),
                completed("review-3"));

        listeners(outcomes).deliverPoll(outcomes, poll);

        assertThat(outcomesOf("support-review-outcomes", poll)).containsExactly("APPLIED", "REJECTED", "APPLIED");
        assertThat(sentPayloads()).as("review-1's first command was undone with the poll's transaction")
                .containsExactly(new RecordOutcomeCommand("review-1", "SUPPORTABLE"),
                        new RecordOutcomeCommand("review-1", "SUPPORTABLE"), new RecordOutcomeCommand("review-3", "SUPPORTABLE"));
    }

    /** Any other failure names its record: the ones before it are done, it and the rest come again. */
    @Test
    void aFailureInAPollNamesItsRecordOnceTheOnesBeforeItAreDone() {
        commandOf("review-2", new IllegalStateException("database unavailable"));
        List<ConsumerRecord<String, EventEnvelope>> poll = List.of(completed("review-1"), completed("review-2"),
                completed("review-3"));

        assertThatThrownBy(() -> listeners(outcomes).deliverPoll(outcomes, poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(poll.get(1));
                    assertThat(failed).hasRootCauseMessage("database unavailable");
                });

        assertThat(outcomesOf("support-review-outcomes", poll)).containsExactly("APPLIED", "none", "none");
    }

    /** An unreadable record goes to the error handler, which does not retry a DeserializationException. */
    @Test
    void aRecordThatIsNoEnvelopeEndsThePollAfterTheOnesBeforeIt() {
        ConsumerRecord<String, EventEnvelope> first = completed("review-1");
        ConsumerRecord<String, EventEnvelope> unreadable = notAnEnvelope();

        assertThatThrownBy(() -> listeners(outcomes).deliverPoll(outcomes, List.of(first, unreadable, completed("review-3"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(unreadable);
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
                });

        assertThat(sentPayloads()).containsExactly(new RecordOutcomeCommand("review-1", "SUPPORTABLE"));
        assertThat(EnvelopeListenerContainers.passedOver(unreadable)).as("kept for the listener").isFalse();
        assertThat(EnvelopeListenerContainers.passedOver(new ConsumerRecord<>(Topics.REVIEW, 2, 9, "engagement-1", null)))
                .as("a tombstone").isTrue();
    }
}
