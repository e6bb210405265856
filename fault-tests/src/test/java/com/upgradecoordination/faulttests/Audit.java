package com.upgradecoordination.faulttests;

import com.upgradecoordination.coordination.messaging.CoordinationIntegrationEvents;
import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.notification.messaging.NotificationIntegrationEvents;
import com.upgradecoordination.platform.audit.chain.ChainVerification;
import com.upgradecoordination.platform.audit.chain.EventHashChain;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataKeys;
import com.upgradecoordination.platform.relay.IntegrationEventTranslator;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import com.upgradecoordination.review.messaging.ReviewIntegrationEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What the suite asserts at the end, read from the event stores, the inbox tables, the topics and
 * the webhook listener: every published event on its topic, every consumer's effect once.
 */
final class Audit {

    static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static final Map<String, IntegrationEventTranslator> TRANSLATORS = Map.of(
            "coordination", new CoordinationIntegrationEvents(),
            "review", new ReviewIntegrationEvents(),
            "notification", new NotificationIntegrationEvents());

    /** A stored event and, when its service's translator publishes it, the topic it goes to. */
    record Stored(String database, long globalIndex, String eventId, String aggregateId, long sequence,
                  String payloadType, long atMillis, JsonNode payload, String topic, String contractType) {

        String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    /** Something that went wrong, and when its cause was stored (to attribute it to a fault's window). */
    record Finding(String kind, long atMillis, String what) {
    }

    final List<Stored> stored = new ArrayList<>();
    final Map<String, Stored> storedById = new HashMap<>();
    /** event id -> copies on its topic */
    final Map<String, Integer> published = new HashMap<>();
    final Map<String, JsonNode> envelopes = new HashMap<>();
    final List<Finding> lost = new ArrayList<>();
    final List<Finding> doubled = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Webhook calls repeated under one Idempotency-Key: at least once towards the channel, one effect. */
    final List<Finding> webhookRepeats = new ArrayList<>();
    int rejectedInboxRows;

    private final FaultStack stack;

    private Audit(FaultStack stack) {
        this.stack = stack;
    }

    /** Everything but the hash chains and the webhook calls. */
    static Audit of(FaultStack stack, TopicRecorder topics, List<WebhookListener.Received> webhookCalls)
            throws SQLException {
        Audit audit = new Audit(stack);
        for (String database : List.of("coordination", "review", "notification")) {
            audit.load(database);
        }
        for (TopicRecorder.Received record : topics.received()) {
            JsonNode envelope = Http.JSON.readTree(record.value());
            String eventId = envelope.get("eventId").asString();
            audit.published.merge(eventId, 1, Integer::sum);
            audit.envelopes.putIfAbsent(eventId, envelope);
        }
        audit.everyPublishedEventIsOnItsTopic();
        audit.everyConsumerHandledEachEventOnce();
        audit.supportReviewsOpenedOncePerRequest();
        audit.verdictsReceivedOnce();
        audit.notificationsOncePerRuleAndEvent(webhookCalls);
        return audit;
    }

    private void load(String database) throws SQLException {
        IntegrationEventTranslator translator = TRANSLATORS.get(database);
        SingleConnectionDataSource keys = dataSource(stack, database);
        PersonalDataCipher cipher = new PersonalDataCipher(new PersonalDataKeys(JdbcClient.create(keys),
                new DataSourceTransactionManager(keys), Clock.systemUTC(), Duration.ofHours(1)));
        try (Connection connection = stack.connect(database);
             ResultSet rs = connection.createStatement().executeQuery("""
                     SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, payloadtype, timestamp,
                            convert_from(payload, 'UTF8') FROM domainevententry ORDER BY globalindex""")) {
            while (rs.next()) {
                String payloadType = rs.getString(5);
                // fields of people are stored encrypted (docs/personal-data.md): read as the service reads them
                JsonNode payload = decrypted(Http.JSON.readTree(rs.getString(7)), cipher);
                Optional<OutboundIntegrationEvent> outbound;
                try {
                    outbound = translator.translate(LENIENT.treeToValue(payload, Class.forName(payloadType)));
                } catch (ClassNotFoundException | RuntimeException unreadable) {
                    throw new IllegalStateException("Cannot classify " + payloadType + " " + rs.getString(2), unreadable);
                }
                EventContract contract = outbound.map(o -> IntegrationEventCatalog.contractOf(o.payload().getClass()))
                        .orElse(null);
                Stored event = new Stored(database, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        payloadType, Instant.parse(rs.getString(6)).toEpochMilli(), payload,
                        contract == null ? null : contract.topic(), contract == null ? null : contract.type());
                stored.add(event);
                storedById.put(event.eventId(), event);
            }
        } finally {
            keys.destroy();
        }
    }

    /** The payload with every encrypted text value read through the service's own cipher. */
    private static JsonNode decrypted(JsonNode node, PersonalDataCipher cipher) {
        if (node instanceof ObjectNode object) {
            List.copyOf(object.propertyNames()).forEach(name -> object.set(name, decrypted(object.get(name), cipher)));
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                array.set(index, decrypted(array.get(index), cipher));
            }
        } else if (node.isString()) {
            return StringNode.valueOf(cipher.decrypt(node.asString()));
        }
        return node;
    }

    private static SingleConnectionDataSource dataSource(FaultStack stack, String database) {
        Map<String, String> settings = stack.databases.get(database);
        return new SingleConnectionDataSource(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"), true);
    }

    long storedAt(String eventId) {
        Stored event = storedById.get(eventId);
        return event == null ? 0 : event.atMillis();
    }

    private void everyPublishedEventIsOnItsTopic() {
        for (Stored event : stored) {
            if (event.topic() != null && !published.containsKey(event.eventId())) {
                lost.add(new Finding("not on " + event.topic(), event.atMillis(), event.database() + " "
                        + event.simpleType() + " " + event.eventId() + " (global index " + event.globalIndex() + ")"));
            }
        }
    }

    /** Inbox rows: one per (consumer, event id), for every event of the types the consumer handles. */
    private void everyConsumerHandledEachEventOnce() throws SQLException {
        for (String database : List.of("coordination", "review", "notification")) {
            Map<String, Set<String>> typesByConsumer = new LinkedHashMap<>();
            Map<String, String> topicByConsumer = new HashMap<>();
            Map<String, Set<String>> handled = new HashMap<>();
            try (Connection connection = stack.connect(database);
                 ResultSet rs = connection.createStatement().executeQuery(
                         "SELECT consumer, event_id, event_type, source, outcome FROM processed_integration_event")) {
                Map<String, Integer> rows = new HashMap<>();
                while (rs.next()) {
                    String consumer = rs.getString(1);
                    String eventId = rs.getString(2);
                    if (rows.merge(consumer + "|" + eventId, 1, Integer::sum) == 2) {
                        doubled.add(new Finding("inbox row twice", storedAt(eventId), database + " " + consumer + " " + eventId));
                    }
                    typesByConsumer.computeIfAbsent(consumer, c -> new HashSet<>()).add(rs.getString(3));
                    String source = rs.getString(4);
                    topicByConsumer.putIfAbsent(consumer, source.substring(0, source.lastIndexOf('-')));
                    handled.computeIfAbsent(consumer, c -> new HashSet<>()).add(eventId);
                    if ("REJECTED".equals(rs.getString(5))) {
                        rejectedInboxRows++;
                    }
                }
            }
            for (Map.Entry<String, Set<String>> consumer : typesByConsumer.entrySet()) {
                String topic = topicByConsumer.get(consumer.getKey());
                for (Map.Entry<String, JsonNode> envelope : envelopes.entrySet()) {
                    JsonNode e = envelope.getValue();
                    if (topic.equals(topicOf(e)) && consumer.getValue().contains(e.get("type").asString())
                            && !handled.get(consumer.getKey()).contains(envelope.getKey())) {
                        lost.add(new Finding("not consumed", storedAt(envelope.getKey()), database + " "
                                + consumer.getKey() + " never handled " + e.get("type").asString() + " " + envelope.getKey()));
                    }
                }
            }
        }
    }

    private String topicOf(JsonNode envelope) {
        Stored event = storedById.get(envelope.get("eventId").asString());
        return event == null ? null : event.topic();
    }

    private List<JsonNode> onTopic(String topic, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode envelope : envelopes.values()) {
            if (type.equals(envelope.get("type").asString()) && topic.equals(topicOf(envelope))) {
                found.add(envelope);
            }
        }
        return found;
    }

    private Map<String, Integer> countByPayloadField(String database, String simpleType, String field) {
        Map<String, Integer> counts = new HashMap<>();
        for (Stored event : stored) {
            if (event.database().equals(database) && event.simpleType().equals(simpleType)) {
                counts.merge(event.payload().get(field).asString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private void onceEach(List<JsonNode> causes, String key, Map<String, Integer> effects, String effect) {
        for (JsonNode cause : causes) {
            String id = cause.get("payload").get(key).asString();
            int count = effects.getOrDefault(id, 0);
            long at = storedAt(cause.get("eventId").asString());
            if (count == 0) {
                lost.add(new Finding(effect + " missing", at, key + " " + id));
            } else if (count > 1) {
                doubled.add(new Finding(effect + " " + count + " times", at, key + " " + id));
            }
        }
    }

    private void supportReviewsOpenedOncePerRequest() {
        onceEach(onTopic(Topics.COORDINATION, "SupportReviewRequested"), "reviewId",
                countByPayloadField("review", "SupportReviewOpenedEvent", "reviewId"), "support review opened");
    }

    private void verdictsReceivedOnce() {
        onceEach(onTopic(Topics.REVIEW, "SupportReviewCompleted"), "reviewId",
                countByPayloadField("coordination", "SupportReviewOutcomeReceivedEvent", "reviewId"), "verdict received");
    }

    private void notificationsOncePerRuleAndEvent(List<WebhookListener.Received> webhookCalls) {
        Map<String, Integer> sentById = new HashMap<>();
        Map<String, Set<String>> idsByKey = new HashMap<>();
        Map<String, Stored> firstById = new HashMap<>();
        for (Stored event : stored) {
            String type = event.simpleType();
            if (event.database().equals("notification")
                    && (type.equals("NotificationSentEvent") || type.equals("NotificationQueuedEvent"))) {
                JsonNode p = event.payload();
                String id = p.get("notificationId").asString();
                if (type.equals("NotificationSentEvent")) {
                    sentById.merge(id, 1, Integer::sum);
                }
                firstById.putIfAbsent(id, event);
                idsByKey.computeIfAbsent(p.get("sourceEventId").asString() + "|" + p.get("recipient").asString() + "|"
                        + p.get("channel").asString(), k -> new HashSet<>()).add(id);
            }
        }
        sentById.forEach((id, count) -> {
            if (count > 1) {
                doubled.add(new Finding("notification sent " + count + " times", firstById.get(id).atMillis(), id));
            }
        });
        idsByKey.forEach((key, ids) -> {
            if (ids.size() > 1) {
                doubled.add(new Finding("notifications for one (event, recipient, channel)", 0, key + " " + ids));
            }
        });
        expectNotification(Topics.REVIEW, "SupportReviewCompleted", Load.CSM + "|INBOX", idsByKey, sentById);
        expectNotification(Topics.COORDINATION, "SupportReviewRequested", "@senior-reviewers|WEBHOOK", idsByKey, sentById);
        expectNotification(Topics.COORDINATION, "ProfessionalServicesRecommended", "@proserv|WEBHOOK", idsByKey, sentById);

        // the webhook listener: the effect of each delivered webhook notification once. A receiver acts
        // once per Idempotency-Key (the notification id); calls repeated under one key (a delivery whose
        // outcome could not be recorded is made again) are counted apart, not as a doubled effect.
        Map<String, Integer> callsByKey = new HashMap<>();
        Map<String, Set<String>> keysByText = new HashMap<>();
        for (WebhookListener.Received call : webhookCalls) {
            callsByKey.merge(String.valueOf(call.idempotencyKey()), 1, Integer::sum);
            keysByText.computeIfAbsent(call.text(), t -> new HashSet<>()).add(String.valueOf(call.idempotencyKey()));
        }
        for (Map.Entry<String, Stored> notification : firstById.entrySet()) {
            JsonNode p = notification.getValue().payload();
            if (!"WEBHOOK".equals(p.get("channel").asString()) || !sentById.containsKey(notification.getKey())) {
                continue;
            }
            long at = storedAt(p.get("sourceEventId").asString());
            int calls = callsByKey.getOrDefault(notification.getKey(), 0);
            if (calls == 0) {
                lost.add(new Finding("webhook call missing", at, notification.getKey()));
            } else if (calls > 1) {
                webhookRepeats.add(new Finding("webhook called " + calls + " times with one key", at,
                        notification.getKey() + " " + p.get("message").asString()));
            }
            Set<String> keys = keysByText.getOrDefault(p.get("message").asString(), Set.of());
            if (keys.size() > 1) {
                doubled.add(new Finding("one webhook message under " + keys.size() + " keys", at, keys.toString()));
            }
        }
        long unknown = webhookCalls.stream().filter(call -> !firstById.containsKey(call.idempotencyKey())).count();
        if (unknown > 0) {
            notes.add(unknown + " webhook calls name no notification of the store");
        }
    }

    private void expectNotification(String topic, String type, String recipientAndChannel,
                                    Map<String, Set<String>> idsByKey, Map<String, Integer> sentById) {
        for (JsonNode cause : onTopic(topic, type)) {
            String eventId = cause.get("eventId").asString();
            Set<String> ids = idsByKey.get(eventId + "|" + recipientAndChannel);
            if (ids == null || ids.stream().noneMatch(sentById::containsKey)) {
                lost.add(new Finding("notification " + recipientAndChannel + " not sent", storedAt(eventId),
                        type + " " + eventId));
            }
        }
    }

    /** Recomputes every aggregate's hash chain with the platform's own verification. */
    static List<Finding> brokenChains(FaultStack stack, Map<String, Integer> verified) {
        List<Finding> broken = new ArrayList<>();
        for (String database : List.of("coordination", "review", "notification")) {
            SingleConnectionDataSource dataSource = dataSource(stack, database);
            EventHashChain chain = new EventHashChain(dataSource,
                    new DataSourceTransactionManager(dataSource), Clock.systemUTC());
            List<String> aggregates = JdbcClient.create(dataSource)
                    .sql("SELECT DISTINCT aggregateidentifier FROM domainevententry").query(String.class).list();
            for (String aggregate : aggregates) {
                ChainVerification verification = chain.verify(aggregate).orElseThrow();
                if (!verification.isIntact()) {
                    broken.add(new Finding("chain " + verification.status(), 0, database + " " + aggregate + " "
                            + verification.firstBrokenLink()));
                }
            }
            verified.put(database, aggregates.size());
            dataSource.destroy();
        }
        return broken;
    }
}
