package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.history.HistoryEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reads of one aggregate's resource: its current state with its version as {@code ETag}, and
 * its history from the event store. Both block (JDBC), so they run on the scheduler meant for
 * blocking work; an aggregate that does not exist is a 404 ({@link AggregateNotFoundException}).
 *
 * <p>The version is the sequence number of the aggregate's last event, read from the event store,
 * not from a read model (read models lag behind the store, and it is the store's version that Axon
 * checks a command's {@code If-Match} against, see {@link IfMatch}). An aggregate with one event is
 * at version 0.
 */
public class AggregateReads {

    private final EventStore eventStore;
    private final AggregateHistory history;

    public AggregateReads(EventStore eventStore, AggregateHistory history) {
        this.eventStore = eventStore;
        this.history = history;
    }

    /** {@code "3"}: a strong entity tag, as sent in {@code ETag} and expected back in {@code If-Match}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What {@code read} finds (typically a read-model row), with the aggregate's version as the
     * response's {@code ETag}; 404 with {@code notFound} as its detail when it finds nothing. The
     * version is read after the body, so it is never older than the body; a lagging read model may
     * show an older state than the ETag names.
     *
     * <p>Answers the body itself rather than a {@code ResponseEntity}, so that WebFlux still
     * negotiates the content type before running the read (406 before 404).
     */
    public <T> Mono<T> withETag(String aggregateId, Callable<Optional<T>> read, String notFound) {
        return CurrentExchange.with(exchange -> Mono.fromCallable(() -> {
            T body = read.call().orElseThrow(() -> new AggregateNotFoundException(aggregateId, notFound));
            eventStore.lastSequenceNumberFor(aggregateId)
                    .ifPresent(version -> exchange.getResponse().getHeaders().setETag(etag(version)));
            return body;
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** The aggregate's events in sequence order; 404 with {@code notFound} as its detail when it has none. */
    public Mono<List<HistoryEntry>> history(String aggregateId, String notFound) {
        return Mono.fromCallable(() -> {
            List<HistoryEntry> entries = history.of(aggregateId);
            if (entries.isEmpty()) {
                throw new AggregateNotFoundException(aggregateId, notFound);
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
