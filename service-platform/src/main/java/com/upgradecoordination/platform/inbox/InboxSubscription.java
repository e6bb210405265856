package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A Kafka listener declared rather than written: the contracts it takes from its topics and what
 * each becomes, each under the inbox consumer name that keeps its effect to once per event. Records
 * of other types are skipped. A service declares each as a bean; {@link InboxListeners} runs them.
 *
 * <pre>{@code
 * InboxSubscription.listener("coordination-review-events", Topics.REVIEW)
 *         .command(SupportReviewCompletedV2.class, "support-review-outcomes",
 *                 completed -> new RecordSupportReviewOutcomeCommand(...));
 * }</pre>
 *
 * <p>One listener reads its topics in order, so contracts whose effects depend on each other (an
 * engagement's opening before its problems) belong to one subscription.
 */
public final class InboxSubscription {

    private final String listenerId;
    private final List<String> topics;
    private final String containerFactory;
    private final boolean rare;
    private final List<Reaction> reactions;

    private InboxSubscription(String listenerId, List<String> topics, String containerFactory, boolean rare,
                              List<Reaction> reactions) {
        this.listenerId = listenerId;
        this.topics = topics;
        this.containerFactory = containerFactory;
        this.rare = rare;
        this.reactions = reactions;
    }

    /**
     * @param listenerId the listener container's id, which is also its Kafka consumer group: the
     *                   group's committed offsets are stored under it, so it never changes
     */
    public static InboxSubscription listener(String listenerId, String... topics) {
        if (listenerId == null || listenerId.isBlank() || topics.length == 0) {
            throw new IllegalArgumentException("a subscription needs a listener id and at least one topic");
        }
        return new InboxSubscription(listenerId, List.of(topics), null, false, List.of());
    }

    /** The container factory bean to build the listener with, instead of the platform's. */
    public InboxSubscription containerFactory(String beanName) {
        return new InboxSubscription(listenerId, topics, Objects.requireNonNull(beanName), rare, reactions);
    }

    /**
     * For a listener of contracts that come rarely (erasures), whose other records it only passes over:
     * one Kafka consumer per instance instead of the factory's ({@code spring.kafka.listener.concurrency}),
     * and polls that wait for {@value #RARE_FETCH_MIN_BYTES} bytes or {@value #RARE_FETCH_MAX_WAIT_MS} ms,
     * so passing over a busy topic costs a poll and a commit per half second rather than per few records.
     * Its events reach it up to half a second later.
     */
    public InboxSubscription rareContracts() {
        return new InboxSubscription(listenerId, topics, containerFactory, true, reactions);
    }

    static final int RARE_FETCH_MIN_BYTES = 65_536;
    static final int RARE_FETCH_MAX_WAIT_MS = 500;

    /** Each event of {@code contract} becomes one command, sent with the event's audit metadata. */
    public <T extends Record> InboxSubscription command(Class<T> contract, String consumer,
                                                        Function<? super T, ?> toCommand) {
        return effect(contract, consumer, (event, inbound) -> inbound.commands().send(toCommand.apply(event)));
    }

    /** Each event of {@code contract} has {@code effect}: any commands, read model writes, in its order. */
    public <T extends Record> InboxSubscription effect(Class<T> contract, String consumer, Effect<? super T> effect) {
        IntegrationEventCatalog.contractOf(contract);
        if (reactions.stream().anyMatch(reaction -> reaction.contract() == null || reaction.contract() == contract)) {
            throw new IllegalArgumentException(listenerId + " already reacts to " + contract.getSimpleName());
        }
        return with(new Reaction(consumer, contract, inbound -> effect.apply(inbound.payloadAs(contract), inbound)));
    }

    /** Every event on the topics, whatever its type, has {@code effect}; it reads the payload itself. */
    public InboxSubscription everyEvent(String consumer, Consumer<InboundEvent> effect) {
        if (!reactions.isEmpty()) {
            throw new IllegalArgumentException(listenerId + " reacts to every event or to chosen contracts, not both");
        }
        return with(new Reaction(consumer, null, effect));
    }

    String listenerId() {
        return listenerId;
    }

    List<String> topics() {
        return topics;
    }

    /** The container factory's bean name; empty for the platform's. */
    Optional<String> containerFactory() {
        return Optional.ofNullable(containerFactory);
    }

    List<String> consumers() {
        return reactions.stream().map(Reaction::consumer).toList();
    }

    /** Kafka consumers per instance; empty for the container factory's. */
    Optional<Integer> consumerCount() {
        return rare ? Optional.of(1) : Optional.empty();
    }

    /** Consumer properties of its own, beside the factory's. */
    Properties consumerProperties() {
        Properties properties = new Properties();
        if (rare) {
            properties.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(RARE_FETCH_MIN_BYTES));
            properties.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(RARE_FETCH_MAX_WAIT_MS));
        }
        handledContracts().ifPresent(contracts ->
                properties.setProperty(EnvelopeDeserializer.HANDLED_CONTRACTS, String.join(",", contracts)));
        return properties;
    }

    /**
     * The contracts this subscription reacts to, as the record headers name them
     * ({@link EnvelopeHeaders#contractKey}); empty when it reacts to every event.
     */
    Optional<Set<String>> handledContracts() {
        if (reactions.stream().anyMatch(reaction -> reaction.contract() == null)) {
            return Optional.empty();
        }
        return Optional.of(reactions.stream().map(reaction -> EnvelopeHeaders.contractKey(reaction.contract()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The reaction to this envelope's type and version, if the subscription has one. */
    Optional<Reaction> reactionTo(EventEnvelope envelope) {
        return reactions.stream()
                .filter(reaction -> reaction.contract() == null || envelope.isOfType(reaction.contract()))
                .findFirst();
    }

    private InboxSubscription with(Reaction reaction) {
        if (reaction.consumer() == null || reaction.consumer().isBlank()) {
            throw new IllegalArgumentException(listenerId + ": every reaction needs its inbox consumer name");
        }
        List<Reaction> more = new ArrayList<>(reactions);
        more.add(reaction);
        return new InboxSubscription(listenerId, topics, containerFactory, rare, List.copyOf(more));
    }

    /** What one contract's events do, under which inbox consumer; {@code contract} null: every event. */
    record Reaction(String consumer, Class<? extends Record> contract, Consumer<InboundEvent> effect) {
    }

    /** The effect of one event read as its contract. */
    @FunctionalInterface
    public interface Effect<T> {
        void apply(T event, InboundEvent inbound);
    }
}
