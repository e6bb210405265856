package com.upgradecoordination.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

/** The one factory of the services' envelope listeners, as configured by Boot's Kafka properties. */
class EnvelopeListenerContainersTest {

    @Test
    void listenersRunAsManyConsumersAsSpringKafkaListenerConcurrencySays() {
        KafkaProperties properties = new KafkaProperties();
        properties.getListener().setConcurrency(3);

        ConcurrentMessageListenerContainer<String, EventEnvelope> container = containerOf(properties);

        assertThat(container.getConcurrency()).isEqualTo(3);
        assertThat(container.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.BATCH);
        assertThat(container.getContainerProperties().getMessageListener()).as("a poll at a time")
                .isInstanceOf(BatchMessageListener.class);
    }

    @Test
    void withoutTheSettingAListenerHasOneConsumer() {
        assertThat(containerOf(new KafkaProperties()).getConcurrency()).isEqualTo(1);
    }

    private static ConcurrentMessageListenerContainer<String, EventEnvelope> containerOf(KafkaProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory = EnvelopeListenerContainers.factory(
                properties, JsonMapper.builder().build(), "test-service", null);
        DefaultMessageHandlerMethodFactory handlerMethods = new DefaultMessageHandlerMethodFactory();
        handlerMethods.afterPropertiesSet();
        MethodKafkaListenerEndpoint<String, EventEnvelope> endpoint = new MethodKafkaListenerEndpoint<>();
        endpoint.setId("test-listener");
        endpoint.setTopics("upgrade.coordination.events");
        endpoint.setBean(new Object() {
            public void onPoll(List<ConsumerRecord<String, EventEnvelope>> records) {
            }
        });
        endpoint.setMethod(ReflectionUtils.findMethod(endpoint.getBean().getClass(), "onPoll", List.class));
        endpoint.setMessageHandlerMethodFactory(handlerMethods);
        return factory.createListenerContainer(endpoint);
    }
}
