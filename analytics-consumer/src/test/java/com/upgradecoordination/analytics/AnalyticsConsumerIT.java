package com.upgradecoordination.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.analytics.RecordedTopics.Line;
import com.upgradecoordination.devsupport.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The recorded topics produced to a real broker (three partitions a topic, keyed by case as the services
 * key them), then read from the beginning: the figures are those of the file.
 */
class AnalyticsConsumerIT {

    private static final String BOOTSTRAP_SERVERS = TestBroker.shared().bootstrapServers();

    @BeforeAll
    static void produceTheRecordedTopics() throws Exception {
        // made before the first record, as the services' topics are (an idempotent producer racing a topic's
        // automatic creation was seen to lose a record to an out-of-order sequence)
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
            admin.createTopics(TopicReader.TOPICS.stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList())
                    .all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Line line : RecordedTopics.load().lines()) {
                sent.add(producer.send(new ProducerRecord<>(line.topic(), line.key(), line.value())));
            }
            for (Future<RecordMetadata> record : sent) {
                record.get();
            }
        }
    }

    @Test
    void readsTheThreeTopicsFromTheBeginningToTheSameFigures() {
        assertThat(AnalyticsConsumer.figuresOf(BOOTSTRAP_SERVERS)).isEqualTo(ExpectedFigures.OF_RECORDED_TOPICS);
    }

    @Test
    void theCommandWithOncePrintsTheFiguresAsJson() throws Exception {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AnalyticsConsumer.main(new String[] {"--bootstrap-servers", BOOTSTRAP_SERVERS, "--once"});
        } finally {
            System.setOut(standardOut);
        }

        assertThat(AnalyticsConsumer.JSON.readTree(printed.toString(StandardCharsets.UTF_8))).isEqualTo(expectedJson());
    }

    @Test
    void followsTheTopicsAndServesTheFiguresAsJson() throws Exception {
        UpgradeFigures figures = new UpgradeFigures();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread follower = new Thread(() -> {
            try (TopicReader reader = new TopicReader(BOOTSTRAP_SERVERS)) {
                reader.follow(figures::accept, running::get);
            }
        }, "analytics-follower");
        try (FiguresServer server = new FiguresServer("127.0.0.1", 0,
                () -> AnalyticsConsumer.JSON.writeValueAsString(figures.snapshot()))) {
            follower.start();
            HttpClient http = HttpClient.newHttpClient();
            URI figuresUri = URI.create("http://127.0.0.1:" + server.port() + "/figures");
            JsonNode expected = expectedJson();

            await("the served figures of every recorded record").atMost(Duration.ofSeconds(60))
                    .until(() -> AnalyticsConsumer.JSON.readTree(get(http, figuresUri).body()), expected::equals);

            HttpResponse<String> wrongPath = get(http, figuresUri.resolve("/figures/other"));
            assertThat(wrongPath.statusCode()).isEqualTo(404);
            assertThat(wrongPath.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(figuresUri)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        } finally {
            running.set(false);
            follower.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(follower.isAlive()).isFalse();
    }

    /** As the JSON reads: numbers parsed as they are written, properties in any order. */
    private static JsonNode expectedJson() {
        return AnalyticsConsumer.JSON.readTree(AnalyticsConsumer.JSON.writeValueAsString(ExpectedFigures.OF_RECORDED_TOPICS));
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
