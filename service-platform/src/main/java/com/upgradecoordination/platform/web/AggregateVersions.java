package com.upgradecoordination.platform.web;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An aggregate's version, the {@code ETag} of its resource: the sequence number of its last event,
 * read from the event store, not from a read model (read models lag behind the store, and it is
 * the store's version that Axon checks a command's {@code If-Match} against, see {@link IfMatch}).
 * An aggregate with one event is at version 0.
 */
public class AggregateVersions {

    private final EventStore eventStore;

    public AggregateVersions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The aggregate's current version; empty when the store has no event of it. Blocks (JDBC). */
    public Optional<Long> current(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId);
    }

    /** {@code "3"}: a strong entity tag, as sent in {@code ETag} and expected back in {@code If-Match}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What {@code read} returns (typically a read-model row), with the aggregate's version as the
     * response's {@code ETag}. Both reads block, so they run on the scheduler meant for blocking
     * work. The version is read after the body, so it is never older than the body; a lagging read
     * model may show an older state than the ETag names.
     *
     * <p>Answers the body itself rather than a {@code ResponseEntity}, so that WebFlux still
     * negotiates the content type before running the read (406 before 404).
     */
    public <T> Mono<T> withETag(String aggregateId, ServerWebExchange exchange, Callable<T> read) {
        return Mono.fromCallable(() -> {
            T body = read.call();
            current(aggregateId).ifPresent(version -> exchange.getResponse().getHeaders().setETag(etag(version)));
            return body;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
