package com.upgradecoordination.events.schema;

import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3.0 document of the three topics: each contract version as a message (the envelope
 * with that payload, keyed by case id), which service publishes it and which services consume it.
 * Generated from {@link IntegrationEventCatalog} and the table of consumers below, like the schemas.
 */
final class AsyncApiDocument {

    static final String FILE = "asyncapi.yaml";

    private static final Map<String, String> PRODUCERS = Map.of(
            Topics.COORDINATION, "coordination-service",
            Topics.REVIEW, "review-service",
            Topics.NOTIFICATION, "notification-service");

    private static final Map<String, String> CHANNELS = Map.of(
            Topics.COORDINATION, "coordinationEvents",
            Topics.REVIEW, "reviewEvents",
            Topics.NOTIFICATION, "notificationEvents");

    /** What each service consumes, per topic; null means every contract on the topic. */
    private static final Map<String, Map<String, List<Class<? extends Record>>>> CONSUMERS = consumers();

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    ObjectNode document() {
        ObjectNode document = nodes.objectNode().put("asyncapi", "3.0.0");
        document.putObject("info")
                .put("title", "Upgrade coordination: integration events")
                .put("version", "1.0.0")
                .put("description", """
                        Every record on every topic is one JSON envelope (schemas/envelope/v1.json) whose payload is \
                        the contract named by its type and schemaVersion (schemas/<type>/v<N>.json). Records are keyed \
                        by case id (the engagement id), so a case's events keep their order within a topic. Fields \
                        marked x-personal-data identify a person. Consumers ignore fields and enumeration values they \
                        do not know. See docs/kafka-contracts.md.""");
        document.put("defaultContentType", "application/json");
        document.putObject("servers").putObject("local")
                .put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The broker of the local run (deploy/local)");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        for (String topic : List.of(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION)) {
            String channelName = CHANNELS.get(topic);
            ObjectNode channel = channels.putObject(channelName)
                    .put("address", topic)
                    .put("description", "Published by " + PRODUCERS.get(topic) + ".");
            ObjectNode channelMessages = channel.putObject("messages");
            List<Class<? extends Record>> published = onTopic(topic);
            for (Class<? extends Record> contract : published) {
                messages.set(messageName(contract), message(contract));
                channelMessages.putObject(messageName(contract))
                        .put("$ref", "#/components/messages/" + messageName(contract));
            }
            operation(operations, PRODUCERS.get(topic) + ".publishes." + channelName, "send", channelName, published,
                    PRODUCERS.get(topic) + " publishes these, each after its event is stored (transactional relay).");
            CONSUMERS.forEach((service, byTopic) -> {
                if (byTopic.containsKey(topic)) {
                    List<Class<? extends Record>> consumed = byTopic.get(topic) == null ? published : byTopic.get(topic);
                    operation(operations, service + ".consumes." + channelName, "receive", channelName, consumed,
                            service + " consumes these through its inbox (each event's effect once).");
                }
            });
        }
        return document;
    }

    private void operation(ObjectNode operations, String name, String action, String channelName,
                           List<Class<? extends Record>> contracts, String description) {
        ObjectNode operation = operations.putObject(name).put("action", action).put("description", description);
        operation.putObject("channel").put("$ref", "#/channels/" + channelName);
        ArrayNode messages = operation.putArray("messages");
        contracts.forEach(contract -> messages.addObject()
                .put("$ref", "#/channels/" + channelName + "/messages/" + messageName(contract)));
    }

    private ObjectNode message(Class<? extends Record> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        ObjectNode message = nodes.objectNode()
                .put("name", annotation.type())
                .put("title", annotation.type() + " v" + annotation.version())
                .put("contentType", "application/json");
        message.putObject("bindings").putObject("kafka")
                .put("bindingVersion", "0.5.0")
                .putObject("key").put("type", "string")
                .put("description", "The case id (engagement id): a case's events share a partition");
        // the envelope's type and version repeated, so a consumer can pass over a record unread; absent
        // from records relayed before 2026-12-01, hence not required
        ObjectNode headers = message.putObject("headers").put("type", "object").putObject("properties");
        headers.putObject(EnvelopeHeaders.TYPE).put("type", "string").put("const", annotation.type());
        headers.putObject(EnvelopeHeaders.SCHEMA_VERSION).put("type", "string")
                .put("const", Integer.toString(annotation.version()));
        ArrayNode allOf = message.putObject("payload").putArray("allOf");
        allOf.addObject().put("$ref", "schemas/envelope/v1.json");
        ObjectNode properties = allOf.addObject().put("type", "object").putObject("properties");
        properties.putObject("type").put("const", annotation.type());
        properties.putObject("schemaVersion").put("const", annotation.version());
        properties.putObject("payload").put("$ref", "schemas/" + ContractSchemas.relativePath(contract));
        return message;
    }

    static String messageName(Class<? extends Record> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        return annotation.type() + ".v" + annotation.version();
    }

    private static List<Class<? extends Record>> onTopic(String topic) {
        return IntegrationEventCatalog.CONTRACTS.stream()
                .filter(contract -> IntegrationEventCatalog.contractOf(contract).topic().equals(topic))
                .toList();
    }

    private static Map<String, Map<String, List<Class<? extends Record>>>> consumers() {
        Map<String, Map<String, List<Class<? extends Record>>>> consumers = new LinkedHashMap<>();
        // coordination acts on Support's outcomes and records every topic in the case timeline (SPEC A3)
        Map<String, List<Class<? extends Record>>> coordination = new LinkedHashMap<>();
        coordination.put(Topics.COORDINATION, null);
        coordination.put(Topics.REVIEW, null);
        coordination.put(Topics.NOTIFICATION, null);
        consumers.put("coordination-service", coordination);
        consumers.put("review-service", Map.of(Topics.COORDINATION, List.of(EngagementOpened.class,
                MigrationProblemReported.class, PlanSharedWithSupport.class, SupportReviewRequested.class,
                PersonalDataErased.class)));
        Map<String, List<Class<? extends Record>>> notification = new LinkedHashMap<>();
        notification.put(Topics.COORDINATION, null);
        notification.put(Topics.REVIEW, null);
        consumers.put("notification-service", notification);
        return consumers;
    }
}
