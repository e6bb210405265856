package com.upgradecoordination.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's producer: what SPEC K3 needs (nothing the broker acknowledged lost or doubled by the
 * producer itself) whatever the service's settings say, and the rest theirs to tune.
 */
class RelayProducerSettingsTest {

    @Test
    void waitsForEveryReplicaAndSendsIdempotently() {
        assertThat(producerSettings(new KafkaProperties()))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    }

    @Test
    void theServiceSettingsCannotWeakenTheAcknowledgementsButTuneTheRest() {
        KafkaProperties properties = new KafkaProperties();
        properties.getProducer().setAcks("1");
        properties.getProducer().getProperties().put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        properties.getProducer().getProperties().put(ProducerConfig.LINGER_MS_CONFIG, "20");

        assertThat(producerSettings(properties))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20");
    }

    private static Map<String, Object> producerSettings(KafkaProperties properties) {
        return new KafkaIntegrationAutoConfiguration()
                .envelopeKafkaTemplate(properties, JsonMapper.builder().build(), Duration.ofSeconds(10),
                        new SimpleMeterRegistry())
                .getProducerFactory().getConfigurationProperties();
    }
}
