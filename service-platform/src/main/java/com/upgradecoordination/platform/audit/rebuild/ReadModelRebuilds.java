package com.upgradecoordination.platform.audit.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drops and rebuilds a read model from the event store on demand (SPEC A6): its streaming
 * processor is stopped, its tokens reset (its {@code @ResetHandler} clears its tables) and started
 * again, and it replays the whole store in its own threads while the service keeps answering.
 * Progress is the processor's position against the head of the store.
 *
 * <p>Only read models are rebuilt: a processing group named in {@code excluded} (the Kafka relay:
 * replaying it would publish every event again) or whose handlers do not support a reset is refused.
 *
 * <p>With several instances of the service, the processor's tokens are shared: Axon resets them only
 * when it can claim every segment, so while another instance holds one the rebuild is refused and
 * nothing changes; this instance's processor is started again either way.
 */
public class ReadModelRebuilds {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Set<String> excluded;
    private final Clock clock;
    private final Map<String, Instant> rebuildsStarted = new ConcurrentHashMap<>();

    public ReadModelRebuilds(EventProcessingConfiguration processing, JdbcClient jdbc, Set<String> excluded,
                             Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.excluded = Set.copyOf(excluded);
        this.clock = clock;
    }

    /** Every streaming processor of the service, by processing group. */
    public List<ReadModelProgress> all() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> progressOf((StreamingEventProcessor) processor, head))
                .sorted(Comparator.comparing(ReadModelProgress::processingGroup))
                .toList();
    }

    /** Empty when the service has no streaming processor of that name. */
    public Optional<ReadModelProgress> progress(String processingGroup) {
        return streaming(processingGroup).map(processor -> progressOf(processor, head()));
    }

    /**
     * Resets the read model and lets it replay; answers at once with its progress.
     *
     * @return empty when the service has no streaming processor of that name
     * @throws ReadModelRebuildRefusedException for a processing group that is not a read model, or
     *         while another instance holds a segment of its processor
     */
    public Optional<ReadModelProgress> rebuild(String processingGroup) {
        Optional<StreamingEventProcessor> found = streaming(processingGroup);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StreamingEventProcessor processor = found.get();
        if (!isRebuildable(processor)) {
            throw ReadModelRebuildRefusedException.notAReadModel(processingGroup, excluded.contains(processingGroup)
                    ? "it is not a read model (replaying it would repeat its effects)"
                    : "its handlers do not support a reset");
        }
        synchronized (processor) {
            boolean wasRunning = processor.isRunning();
            boolean reset = false;
            processor.shutDown();
            try {
                processor.resetTokens();
                reset = true;
                rebuildsStarted.put(processingGroup, clock.instant());
            } catch (UnableToClaimTokenException heldElsewhere) {
                // Axon claims every segment's token before it resets any, in one transaction: the
                // refusal left the tokens and the read model's tables as they were.
                throw ReadModelRebuildRefusedException.heldByAnotherInstance(processingGroup);
            } finally {
                // whatever the reset did, this instance's processor must not stay stopped
                if (reset || wasRunning) {
                    processor.start();
                }
            }
        }
        return Optional.of(progressOf(processor, head()));
    }

    private Optional<StreamingEventProcessor> streaming(String processingGroup) {
        Optional<EventProcessor> processor = processing.eventProcessor(processingGroup);
        return processor.filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast);
    }

    private boolean isRebuildable(StreamingEventProcessor processor) {
        return !excluded.contains(processor.getName()) && processor.supportsReset();
    }

    private ReadModelProgress progressOf(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long done = status.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.isPresent() ? position.getAsLong() : 0L)
                .min().orElse(0L); // no segment claimed here: another instance runs it
        // Axon ends a replay at the first event after the reset position; until one comes, a
        // replay that has reached the head is done as far as anyone reading the model can tell.
        boolean replaying = done < head && status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        ReadModelProgress.State state = processor.isError() ? ReadModelProgress.State.ERROR
                : !processor.isRunning() ? ReadModelProgress.State.STOPPED
                : replaying ? ReadModelProgress.State.REBUILDING
                : ReadModelProgress.State.RUNNING;
        Instant started = rebuildsStarted.get(processor.getName());
        Double rate = null;
        if (started != null) {
            double seconds = Math.max(Duration.between(started, clock.instant()).toMillis(), 1) / 1000.0;
            rate = Math.round(Math.min(done, head) / seconds * 10) / 10.0;
        }
        return new ReadModelProgress(processor.getName(), isRebuildable(processor), state, Math.min(done, head), head,
                rate, started);
    }

    /**
     * The highest global position in the event store: what a caught-up processor has reached; 0 for
     * an empty store (global positions start at 1), where every processor is at 0 of 0.
     */
    private long head() {
        return jdbc.sql("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }
}
