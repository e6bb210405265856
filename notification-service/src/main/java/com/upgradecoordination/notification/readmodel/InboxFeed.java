package com.upgradecoordination.notification.readmodel;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The inbox's live feed: every inbox entry once its row is committed, for the recipients' streams
 * (server-sent events). Nothing is kept: a stream sees what arrives while it is open, and a
 * subscriber too slow to keep up misses entries (the inbox itself still has them).
 *
 * <p>When the service stops, the feed completes, so open streams end and the web server's graceful
 * shutdown need not wait for them (it stops after this, in a lower lifecycle phase).
 */
@Component
public class InboxFeed implements SmartLifecycle {

    /** One new entry of {@code recipient}'s inbox. */
    public record Arrival(String recipient, InboxEntry entry) {
    }

    private volatile Sinks.Many<Arrival> sink = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;

    /** Called by the {@link InboxUpdater} after its transaction committed; serialised because a sink takes one emitter at a time. */
    synchronized void publish(Arrival arrival) {
        sink.tryEmitNext(arrival);
    }

    /** The entries arriving in {@code recipient}'s inbox from now on, until the service stops. */
    public Flux<InboxEntry> arrivalsFor(String recipient) {
        return sink.asFlux().filter(arrival -> arrival.recipient().equals(recipient)).map(Arrival::entry);
    }

    /** Completes when the service stops. */
    public Mono<Void> stopped() {
        return sink.asFlux().then();
    }

    @Override
    public synchronized void start() {
        if (!running) {
            if (sink.currentSubscriberCount() == 0) {
                sink = Sinks.many().multicast().directBestEffort(); // a restart after a stop
            }
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
