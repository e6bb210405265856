package com.upgradecoordination.devsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics in the background and keeps every record, so a test can stimulate a service and
 * wait for the event it should publish: from the beginning, or with {@link #fromNow} only what is
 * published after the recorder was made.
 */
public final class TopicRecorder implements AutoCloseable {

    /** A record as it arrived: topic, key, raw JSON value and its headers (UTF-8, the last of each name). */
    public record Received(String topic, int partition, long offset, String key, String value,
                           Map<String, String> headers) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;

    /** Records {@code topics} from their beginning. */
    public TopicRecorder(String bootstrapServers, String... topics) {
        this(bootstrapServers, false, topics);
    }

    /**
     * Records only what is published to {@code topics} once this returns, so that on a broker the
     * tests of several classes share ({@link TestBroker}) the records of the others are not there.
     */
    public static TopicRecorder fromNow(String bootstrapServers, String... topics) {
        return new TopicRecorder(bootstrapServers, true, topics);
    }

    private TopicRecorder(String bootstrapServers, boolean fromNow, String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        try {
            if (fromNow) {
                List<TopicPartition> partitions = partitionsOf(topics);
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                // looks the end offsets up now rather than at the first poll, after records may have come
                partitions.forEach(consumer::position);
            } else {
                consumer.subscribe(List.of(topics));
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    /** Every partition of {@code topics}; asking for a topic that does not exist yet creates it. */
    private List<TopicPartition> partitionsOf(String... topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> found = await("the partitions of " + topic).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(10)), list -> !list.isEmpty());
            found.forEach(partition -> partitions.add(new TopicPartition(partition.topic(), partition.partition())));
        }
        return partitions;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void poll() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    r.headers().forEach(header -> headers.put(header.key(),
                            header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
                    received.add(new Received(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
                            Collections.unmodifiableMap(headers)));
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        poller.join(5_000);
    }
}
