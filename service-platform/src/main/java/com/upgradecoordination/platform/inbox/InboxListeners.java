package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EventEnvelope;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import com.upgradecoordination.platform.observability.CorrelationIdLogging;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
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
 * audit metadata. The payload is read inside the inbox's transaction, so an unreadable one is
 * recorded as REJECTED rather than retried.
 */
public class InboxListeners implements KafkaListenerConfigurer {

    private static final Method ON_RECORD = ReflectionUtils.findMethod(Listener.class, "on", ConsumerRecord.class);

    private final List<InboxSubscription> subscriptions;
    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;
    private final BeanFactory beanFactory;

    public InboxListeners(List<InboxSubscription> subscriptions, IntegrationEventInbox inbox,
                          CommandGateway commandGateway, JsonMapper jsonMapper, BeanFactory beanFactory) {
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
            endpoint.setMethod(ON_RECORD);
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
     * Handles one record as {@code subscription} says.
     *
     * @return the inbox's outcome, or empty when the subscription does not react to the record's type
     */
    Optional<IntegrationEventInbox.Outcome> deliver(InboxSubscription subscription,
                                                    ConsumerRecord<String, EventEnvelope> record) {
        return subscription.reactionTo(record.value()).map(reaction -> inLogContextOf(record.value(), () ->
                inbox.handleOnce(reaction.consumer(), record, (envelope, audit) -> reaction.effect()
                        .accept(new InboundEvent(envelope, IntegrationEventInbox.sourceOf(record), jsonMapper,
                                new AuditedCommands(commandGateway, audit))))));
    }

    /** The record's own log lines name its correlation id, as its commands' do. */
    private static <T> T inLogContextOf(EventEnvelope envelope, Supplier<T> handling) {
        return envelope.correlationId() == null ? handling.get()
                : CorrelationIdLogging.with(envelope.correlationId(), handling);
    }

    /** The listener method of one subscription's container. */
    static final class Listener {

        private final InboxListeners listeners;
        private final InboxSubscription subscription;

        Listener(InboxListeners listeners, InboxSubscription subscription) {
            this.listeners = listeners;
            this.subscription = subscription;
        }

        public void on(ConsumerRecord<String, EventEnvelope> record) {
            listeners.deliver(subscription, record);
        }
    }
}
