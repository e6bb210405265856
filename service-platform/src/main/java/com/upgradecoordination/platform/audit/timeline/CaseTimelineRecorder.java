package com.upgradecoordination.platform.audit.timeline;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Writes what the topics carry into the {@link CaseTimeline}, a poll at a time: one transaction and
 * one batch of inserts per poll rather than an inbox transaction per record, which under load cost
 * the coordination service about a tenth of its CPU (docs/performance.md). The timeline needs no
 * inbox: the event id is its key, so a poll read again after a crash changes nothing.
 *
 * <p>Runs in the platform's listener container factory: offsets are committed after the poll is
 * written, and a failed write is retried, the whole poll, with back-off until it passes. A record
 * that is not an envelope is logged and passed over; the timeline holds what the topics said.
 */
public class CaseTimelineRecorder implements KafkaListenerConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CaseTimelineRecorder.class);
    private static final Method ON_POLL = ReflectionUtils.findMethod(CaseTimelineRecorder.class, "onPoll", List.class);

    private final String listenerId;
    private final List<String> topics;
    private final CaseTimeline timeline;
    private final BeanFactory beanFactory;

    /** @param listenerId the listener container's id, which is also its consumer group */
    public CaseTimelineRecorder(String listenerId, List<String> topics, CaseTimeline timeline,
                                BeanFactory beanFactory) {
        this.listenerId = listenerId;
        this.topics = List.copyOf(topics);
        this.timeline = timeline;
        this.beanFactory = beanFactory;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlerMethods = new DefaultMessageHandlerMethodFactory();
        handlerMethods.afterPropertiesSet();
        MethodKafkaListenerEndpoint<String, EventEnvelope> endpoint = new MethodKafkaListenerEndpoint<>();
        endpoint.setId(listenerId);
        endpoint.setGroupId(listenerId);
        endpoint.setTopics(topics.toArray(String[]::new));
        endpoint.setBatchListener(true);
        endpoint.setRecordFilterStrategy(CaseTimelineRecorder::passedOver);
        // Fuller polls, fewer transactions: the broker answers once 32 KiB are there or 200 ms passed,
        // so the timeline trails the topics by at most that when they are quiet.
        Properties consumer = new Properties();
        consumer.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "32768");
        consumer.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "200");
        endpoint.setConsumerProperties(consumer);
        endpoint.setBean(this);
        endpoint.setMethod(ON_POLL);
        endpoint.setMessageHandlerMethodFactory(handlerMethods);
        endpoint.setBeanFactory(beanFactory);
        registrar.registerEndpoint(endpoint);
    }

    /** The listener method: one poll's envelopes, those the filter passed over already taken out. */
    public void onPoll(List<ConsumerRecord<String, EventEnvelope>> records) {
        timeline.addAll(records.stream()
                .map(record -> new CaseTimeline.Received(record.value(), IntegrationEventInbox.sourceOf(record)))
                .toList());
        log.debug("{} envelopes of a poll written to the case timeline", records.size());
    }

    /** A record without an envelope: a tombstone, or one that cannot be read (logged). */
    private static boolean passedOver(ConsumerRecord<String, EventEnvelope> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            log.warn("Record {} is not an event envelope: left out of the case timeline", IntegrationEventInbox.sourceOf(record));
            return true;
        }
        return record.value() == null;
    }
}
