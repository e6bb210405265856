package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.chain.ChainLink;
import com.upgradecoordination.platform.audit.chain.ChainVerification;
import com.upgradecoordination.platform.audit.chain.EventHashChain;
import com.upgradecoordination.platform.observability.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.upgradecoordination.platform.audit.state.AggregateState;
import com.upgradecoordination.platform.audit.AuditNotFoundException;
import com.upgradecoordination.platform.audit.state.AggregateStates;
import com.upgradecoordination.platform.history.AggregateHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An auditor's reads of one aggregate of this service, whatever its type (SPEC A2, A4): its history
 * with the hash chain, its state as of any point, and the verification of its chain; and the
 * verification of every stream of a case.
 */
@RestController
@RequestMapping("/audit")
public class AggregateAuditController extends AuditEndpoints {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final EventStore eventStore;
    private final AggregateHistory history;
    private final AggregateStates states;
    private final EventHashChain chain;
    private final MeterRegistry meters;

    public AggregateAuditController(EventStore eventStore, AggregateHistory history, AggregateStates states,
                                    EventHashChain chain, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.history = history;
        this.states = states;
        this.chain = chain;
        this.meters = meters;
        for (ChainVerification.Status status : ChainVerification.Status.values()) {
            verifications(status); // at zero, so the first broken chain shows as an increase
        }
    }

    /** The aggregate's events from {@code fromSequence} on, at most {@code limit}, each with its chain link. */
    @GetMapping("/aggregates/{aggregateId}/history")
    public Mono<HistoryPage> history(@PathVariable String aggregateId,
                                     @RequestParam(defaultValue = "0") long fromSequence,
                                     @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (fromSequence < 0) {
            throw new IllegalArgumentException("fromSequence: must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE);
        }
        return blocking(() -> {
            ChainLink head = chain.head(aggregateId).orElse(null);
            String type = null;
            List<DomainEventMessage<?>> events = new ArrayList<>();
            boolean more = false;
            DomainEventStream stream = eventStore.readEvents(aggregateId, fromSequence);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (events.size() == limit) {
                    more = true;
                    break;
                }
                events.add(event);
            }
            if (events.isEmpty()) {
                if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
                    throw new AuditNotFoundException("Nothing found with id " + aggregateId);
                }
            } else {
                type = events.get(0).getType();
            }
            Map<Long, ChainLink> links = events.isEmpty() ? Map.of() : chain.links(aggregateId,
                    events.get(0).getSequenceNumber(), events.get(events.size() - 1).getSequenceNumber());
            List<AuditedEvent> page = events.stream()
                    .map(event -> new AuditedEvent(history.entry(event), links.get(event.getSequenceNumber())))
                    .toList();
            Long next = more ? events.get(events.size() - 1).getSequenceNumber() + 1 : null;
            return new HistoryPage(aggregateId, type, page, next, head);
        });
    }

    /**
     * The aggregate's state right after its event at {@code asOfSequence}, or after its last event
     * stored at or before {@code asOf}; its current state without either.
     */
    @GetMapping("/aggregates/{aggregateId}/state")
    public Mono<AggregateState> state(@PathVariable String aggregateId,
                                      @RequestParam(required = false) Long asOfSequence,
                                      @RequestParam(required = false) Instant asOf) {
        if (asOfSequence != null && asOf != null) {
            throw new IllegalArgumentException("asOf: give either asOfSequence or asOf, not both");
        }
        return blocking(() -> asOfSequence != null ? states.asOfSequence(aggregateId, asOfSequence)
                : asOf != null ? states.asOf(aggregateId, asOf) : states.current(aggregateId));
    }

    /** Recomputes the aggregate's hash chain: INTACT with its head, or the first broken link. */
    @GetMapping("/aggregates/{aggregateId}/verify")
    public Mono<ChainVerification> verify(@PathVariable String aggregateId) {
        return blocking(() -> counted(chain.verify(aggregateId).orElseThrow(
                () -> new AuditNotFoundException("Nothing found with id " + aggregateId))));
    }

    /** Verifies every stream of the case that this service holds. */
    @GetMapping("/cases/{caseId}/verify")
    public Mono<CaseVerification> verifyCase(@PathVariable String caseId) {
        return blocking(() -> {
            List<ChainVerification> streams = chain.aggregatesOfCase(caseId).stream()
                    .map(aggregateId -> counted(chain.verify(aggregateId).orElseThrow()))
                    .toList();
            if (streams.isEmpty()) {
                throw new AuditNotFoundException("This service holds nothing of case " + caseId);
            }
            boolean intact = streams.stream().allMatch(ChainVerification::isIntact);
            return new CaseVerification(caseId, intact ? ChainVerification.Status.INTACT
                    : ChainVerification.Status.BROKEN, streams);
        });
    }

    /** Every verification counts by its outcome: a BROKEN one needs a person (deploy/monitoring alert). */
    private ChainVerification counted(ChainVerification verification) {
        verifications(verification.status()).increment();
        return verification;
    }

    private Counter verifications(ChainVerification.Status status) {
        return Counter.builder(MetricNames.CHAIN_VERIFICATIONS)
                .description("Hash-chain verifications of an event stream, by outcome")
                .tag("outcome", status.name())
                .register(meters);
    }
}
