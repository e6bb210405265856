package com.upgradecoordination.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import com.upgradecoordination.platform.audit.state.AggregateState;
import com.upgradecoordination.platform.audit.state.AggregateStates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** State as of a sequence or a moment, replayed through the aggregate's own event-sourcing handlers. */
class AggregateStatesTest {

    /** What the ledger store's engine reads per query: Axon's default. */
    static final int ROWS_PER_QUERY = 100;

    LedgerStore store;
    AggregateStates states;

    @BeforeEach
    void start() {
        store = new LedgerStore();
        states = new AggregateStates(store.axon, store.axon.eventStore(), ROWS_PER_QUERY);
    }

    @AfterEach
    void close() {
        states.close();
        store.close();
    }

    List<DomainEventMessage<?>> events(String ledgerId) {
        return store.axon.eventStore().readEvents(ledgerId, 0).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    /** ledger-1, opened and then booked {@code bookings} times: {@code bookings + 1} events. */
    void ledgerWithBookings(int bookings) {
        store.send(new LedgerStore.OpenLedger("ledger-1", "case-1", "ada"));
        for (int i = 0; i < bookings; i++) {
            store.send(new LedgerStore.Book("ledger-1", "entry-" + i, 1));
        }
    }

    /** The store, with {@code onEachRead} called for every event a read takes from it, in the reading's thread. */
    EventStore storeWatchingReads(Consumer<DomainEventMessage<?>> onEachRead) {
        EventStore watched = spy(store.axon.eventStore());
        doAnswer(call -> {
            DomainEventStream stored = (DomainEventStream) call.callRealMethod();
            return DomainEventStream.of(stored.asStream().peek(onEachRead));
        }).when(watched).readEvents(anyString(), anyLong());
        return watched;
    }

    /** The aggregate as Axon's repository loads it for a command, rendered the same way as-of renders it. */
    JsonNode loaded(String ledgerId) {
        @SuppressWarnings("unchecked")
        Repository<LedgerStore.Ledger> repository = store.axon.repository(LedgerStore.Ledger.class);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return unitOfWork.executeWithResult(() ->
                    repository.load(ledgerId).invoke(AggregateStates::render)).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void asOfTheFirstEventBetweenEventsAndAtTheLast() {
        store.send(new LedgerStore.OpenLedger("ledger-1", "case-1", "ada"));
        store.send(new LedgerStore.Book("ledger-1", "rent", 100));
        store.send(new LedgerStore.Book("ledger-1", "tax", 50));

        AggregateState first = states.asOfSequence("ledger-1", 0);
        assertThat(first.aggregateType()).isEqualTo("Ledger");
        assertThat(first.asOfSequence()).isZero();
        assertThat(first.eventsApplied()).isEqualTo(1);
        assertThat(first.state().get("owner").asString()).isEqualTo("ada");
        assertThat(first.state().get("entries")).isEmpty();

        AggregateState between = states.asOfSequence("ledger-1", 1);
        assertThat(between.state().get("balance").asLong()).isEqualTo(100);
        assertThat(between.state().get("entries").get(0).asString()).isEqualTo("rent");

        AggregateState last = states.asOfSequence("ledger-1", 2);
        assertThat(last.state().get("balance").asLong()).isEqualTo(150);
        assertThat(last.state()).isEqualTo(loaded("ledger-1"));
        assertThat(states.asOfSequence("ledger-1", 99).asOfSequence()).as("beyond the last: the last").isEqualTo(2);
        assertThat(states.current("ledger-1").state()).isEqualTo(loaded("ledger-1"));
    }

    @Test
    void asOfAMomentTakesTheEventsStoredUpToIt() {
        store.send(new LedgerStore.OpenLedger("ledger-1", "case-1", "ada"));
        store.send(new LedgerStore.Book("ledger-1", "rent", 100));
        List<DomainEventMessage<?>> events = events("ledger-1");
        Instant opened = events.get(0).getTimestamp();

        AggregateState atOpening = states.asOf("ledger-1", opened);
        assertThat(atOpening.state().get("owner").asString()).isEqualTo("ada");
        assertThat(atOpening.asOfTime()).isEqualTo(opened);
        assertThat(states.asOf("ledger-1", Instant.now()).asOfSequence()).isEqualTo(1);
    }

    @Test
    void beforeTheAggregateExistedAndForAnUnknownIdThereIsNothing() {
        store.send(new LedgerStore.OpenLedger("ledger-1", "case-1", "ada"));
        Instant opened = events("ledger-1").get(0).getTimestamp();

        assertThatThrownBy(() -> states.asOf("ledger-1", opened.minusMillis(1)))
                .isInstanceOf(AuditNotFoundException.class).hasMessageContaining("did not exist yet");
        assertThatThrownBy(() -> states.asOfSequence("no-such-ledger", 0))
                .isInstanceOf(AuditNotFoundException.class).hasMessageContaining("Nothing found");
        assertThatThrownBy(() -> states.asOfSequence("ledger-1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Property: after any sequence of valid commands, the state as of the last event of each
     * command equals the aggregate Axon loaded right after that command.
     */
    @Test
    void asOfEverySequenceIsTheStateTheAggregateHadThen() {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            String ledgerId = "ledger-" + seed;
            Map<Long, JsonNode> stateAfter = new HashMap<>();
            store.send(new LedgerStore.OpenLedger(ledgerId, "case-" + seed, "owner-" + random.nextInt(5)));
            stateAfter.put(lastSequence(ledgerId), loaded(ledgerId));
            int commands = 1 + random.nextInt(12);
            for (int i = 0; i < commands; i++) {
                store.send(new LedgerStore.Book(ledgerId, "entry-" + i, random.nextInt(200) - 120));
                stateAfter.put(lastSequence(ledgerId), loaded(ledgerId));
            }
            if (random.nextBoolean()) {
                store.send(new LedgerStore.CloseLedger(ledgerId));
                stateAfter.put(lastSequence(ledgerId), loaded(ledgerId));
            }
            stateAfter.forEach((sequence, expected) -> assertThat(states.asOfSequence(ledgerId, sequence).state())
                    .as("%s as of %d", ledgerId, sequence).isEqualTo(expected));
        }
    }

    @Test
    void aReadAheadOfNoRowsIsRefused() {
        assertThatThrownBy(() -> new AggregateStates(store.axon, store.axon.eventStore(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowsPerQuery");
    }

    /** An early point reads the stream up to it, not the whole stream: events are taken from the store one by one. */
    @Test
    void readsTheStoredStreamNoFurtherThanThePoint() {
        ledgerWithBookings(50);
        AtomicInteger taken = new AtomicInteger();
        EventStore counting = storeWatchingReads(event -> taken.incrementAndGet());

        AggregateState state;
        try (AggregateStates countingStates = new AggregateStates(store.axon, counting, ROWS_PER_QUERY)) {
            state = countingStates.asOfSequence("ledger-1", 3);
        }

        assertThat(state.eventsApplied()).isEqualTo(4);
        assertThat(state.state().get("balance").asLong()).isEqualTo(3);
        assertThat(taken).as("the events up to sequence 3 and the one after, which ends the replay").hasValue(5);
    }

    /** The store's events are read on a second thread (issue 13): a failure there is the caller's failure. */
    @Test
    void aStoreFailingMidwayFailsTheStateWithTheStoresError() {
        ledgerWithBookings(400);
        AtomicInteger taken = new AtomicInteger();
        EventStore failing = storeWatchingReads(event -> {
            if (taken.incrementAndGet() == 300) {
                throw new IllegalStateException("connection lost");
            }
        });
        try (AggregateStates failingStates = new AggregateStates(store.axon, failing, ROWS_PER_QUERY)) {
            assertThatThrownBy(() -> failingStates.current("ledger-1"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
        }
        assertThat(states.current("ledger-1").eventsApplied()).as("the store itself is intact").isEqualTo(401);
    }

    /**
     * The audit endpoints call this on Reactor's bounded elastic pool (at most ten threads per core),
     * and each call waits for its reading stages: were those stages queued on that same pool, as many
     * concurrent calls as it has threads would wait for each other for ever.
     */
    @Test
    void asManyConcurrentReadsAsTheRequestPoolHasThreadsAllComplete() {
        ledgerWithBookings(300);
        int requests = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 5;

        List<Integer> applied = Flux.range(0, requests)
                .flatMap(request -> Mono.fromCallable(() -> states.current("ledger-1").eventsApplied())
                        .subscribeOn(Schedulers.boundedElastic()), requests)
                .collectList()
                // a deadlock detector, not a timing: each read takes milliseconds
                .block(Duration.ofSeconds(60));

        assertThat(applied).hasSize(requests).containsOnly(301);
    }

    long lastSequence(String ledgerId) {
        return store.axon.eventStore().lastSequenceNumberFor(ledgerId).orElseThrow();
    }
}
