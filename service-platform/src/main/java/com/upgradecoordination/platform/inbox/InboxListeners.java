package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox.Delivery;
import com.upgradecoordination.platform.observability.CorrelationIdLogging;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the service's {@link InboxSubscription}s: one listener container each, registered as
 * {@code @KafkaListener(id = ...)} registers its own (the id is also the consumer group; the
 * endpoint registry starts and stops it with the context and finds it by id).
 *
 * <p>Every record goes the same way: skipped unless the subscription reacts to its type; otherwise,
 * through the inbox, read as its contract and given its effect, whose commands carry the event's
 * audit metadata and continue the trace of the record's headers. The payload is read inside the
 * inbox's transaction, so an unreadable one is recorded as REJECTED rather than retried.
 *
 * <p>The listeners take a poll at a time and give its records their effects in one inbox
 * transaction, one commit per poll rather than per record (decision D24). Should that transaction
 * fail, the poll's records are taken again one at a time, each in its own transaction as before:
 * a refusal is then recorded for its record alone, and another failure names the record the
 * container retries from, after the ones before it are done.
 */
public class InboxListeners implements KafkaListenerConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InboxListeners.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(InboxListeners.class);
    private static final Method ON_POLL = ReflectionUtils.findMethod(Listener.class, "onPoll", List.class);

    private final List<InboxSubscription> subscriptions;
    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;
    private final BeanFactory beanFactory;
    private final ObservationRegistry observations;

    public InboxListeners(List<InboxSubscription> subscriptions, IntegrationEventInbox inbox,
                          CommandGateway commandGateway, JsonMapper jsonMapper, BeanFactory beanFactory,
                          ObservationRegistry observations) {
        Set<String> consumers = new HashSet<>();
        Set<String> listeners = new HashSet<>();
        for (InboxSubscription subscription : subscriptions) {
            if (!listeners.add(subscription.listenerId())) {
                throw new IllegalStateException("Two subscriptions are listener " + subscription.listenerId());
            }
            // the consumer name is the inbox's key: two reactions under one name would skip each other's events
            subscription.consumers().stream().filter(consumer -> !consumers.add(consumer)).findFirst()
                    .ifPresent(consumer -> {
                        throw new IllegalStateException("Two reactions are inbox consumer " + consumer);
                    });
        }
        consumers.forEach(inbox::expectConsumer);
        this.subscriptions = List.copyOf(subscriptions);
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
        this.beanFactory = beanFactory;
        this.observations = observations;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlerMethods = new DefaultMessageHandlerMethodFactory();
        handlerMethods.afterPropertiesSet();
        for (InboxSubscription subscription : subscriptions) {
            MethodKafkaListenerEndpoint<String, EventEnvelope> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(subscription.listenerId());
            endpoint.setGroupId(subscription.listenerId());
            endpoint.setTopics(subscription.topics().toArray(String[]::new));
            endpoint.setBean(new Listener(this, subscription));
            endpoint.setMethod(ON_POLL);
            endpoint.setMessageHandlerMethodFactory(handlerMethods);
            endpoint.setBeanFactory(beanFactory);
            subscription.consumerCount().ifPresent(endpoint::setConcurrency);
            // the other contracts' records are passed over unread (EnvelopeDeserializer)
            Properties consumer = subscription.consumerProperties();
            if (!consumer.isEmpty()) {
                endpoint.setConsumerProperties(consumer);
            }
            // null: the registrar's default, the platform's factory
            registrar.registerEndpoint(endpoint, subscription.containerFactory()
                    .map(name -> beanFactory.getBean(name, KafkaListenerContainerFactory.class))
                    .orElse(null));
        }
    }

    /**
     * Handles one poll's records as {@code subscription} says: together in one inbox transaction, or,
     * should that fail, one at a time (the class comment). A record that is not an envelope ends the
     * poll: the records before it are handled, and it goes to the container's error handler, which
     * does not retry it (the factory's recoverer gets it: logged, or a dead-letter topic).
     */
    void deliverPoll(InboxSubscription subscription, List<ConsumerRecord<String, EventEnvelope>> records) {
        int envelopes = 0;
        while (envelopes < records.size() && !EnvelopeListenerContainers.unreadable(records.get(envelopes))) {
            envelopes++;
        }
        List<ConsumerRecord<String, EventEnvelope>> readable = records.subList(0, envelopes);
        try {
            inbox.handleAllOnce(deliveries(subscription, readable));
        } catch (RuntimeException together) {
            log.debug("{}: a poll of {} records failed together, taken one at a time: {}",
                    subscription.listenerId(), readable.size(), together.toString());
            for (ConsumerRecord<String, EventEnvelope> record : readable) {
                try {
                    deliver(subscription, record);
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, record);
                }
            }
        }
        if (envelopes < records.size()) {
            ConsumerRecord<String, EventEnvelope> record = records.get(envelopes);
            throw new BatchListenerFailedException(
                    "Record " + IntegrationEventInbox.sourceOf(record) + " is not an event envelope",
                    SerializationUtils.getExceptionFromHeader(
                            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR),
                    record);
        }
    }

    /** The poll's records that the subscription reacts to, each with its effect. */
    private List<Delivery> deliveries(InboxSubscription subscription,
                                      List<ConsumerRecord<String, EventEnvelope>> records) {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            subscription.reactionTo(record.value()).ifPresent(reaction -> deliveries.add(new Delivery(
                    reaction.consumer(), record, (envelope, audit) -> observed(subscription, record, () -> {
                        reaction.effect().accept(new InboundEvent(envelope, IntegrationEventInbox.sourceOf(record),
                                jsonMapper, new AuditedCommands(commandGateway, audit)));
                        return null;
                    }))));
        }
        return deliveries;
    }

    /**
     * Handles one record as {@code subscription} says, in a transaction of its own.
     *
     * @return the inbox's outcome, or empty when the subscription does not react to the record's type
     */
    Optional<IntegrationEventInbox.Outcome> deliver(InboxSubscription subscription,
                                                    ConsumerRecord<String, EventEnvelope> record) {
        return subscription.reactionTo(record.value()).map(reaction -> observed(subscription, record, () ->
                inbox.handleOnce(reaction.consumer(), record, (envelope, audit) -> reaction.effect()
                        .accept(new InboundEvent(envelope, IntegrationEventInbox.sourceOf(record), jsonMapper,
                                new AuditedCommands(commandGateway, audit))))));
    }

    /**
     * The record's handling as a record listener container observes it (a batch listener's does not):
     * a span continuing the trace of the record's headers, the listener's timer, and the record's
     * correlation id in the log lines.
     */
    private <T> T observed(InboxSubscription subscription, ConsumerRecord<String, EventEnvelope> record,
                           Supplier<T> handling) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                        KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, subscription.listenerId(), null,
                                subscription.listenerId(), () -> null),
                        observations)
                .observe(() -> inLogContextOf(record.value(), handling));
    }

    /** The record's own log lines name its correlation id, as its commands' do. */
    private static <T> T inLogContextOf(EventEnvelope envelope, Supplier<T> handling) {
        return envelope.correlationId() == null ? handling.get()
                : CorrelationIdLogging.with(envelope.correlationId(), handling);
    }

    /** The listener method of one subscription's container: a poll, the records passed over taken out. */
    static final class Listener {

        private final InboxListeners listeners;
        private final InboxSubscription subscription;

        Listener(InboxListeners listeners, InboxSubscription subscription) {
            this.listeners = listeners;
            this.subscription = subscription;
        }

        public void onPoll(List<ConsumerRecord<String, EventEnvelope>> records) {
            listeners.deliverPoll(subscription, records);
        }
    }
}
