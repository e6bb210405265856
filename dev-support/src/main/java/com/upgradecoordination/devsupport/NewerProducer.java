package com.upgradecoordination.devsupport;

import com.upgradecoordination.events.EventEnvelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An envelope as a newer producer of the same contract version may write it (SPEC K2): a field this
 * consumer does not know in the envelope, in the payload and in every object inside the payload,
 * and, where a test asks, a value an enumeration of this version does not have yet. Consumers must
 * read it as they read the original, and refuse only what they cannot act on.
 */
public final class NewerProducer {

    public static final String UNKNOWN_FIELD = "addedByANewerProducer";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NewerProducer() {
    }

    /** The envelope's JSON with an unknown field in each of its objects. */
    public static String write(EventEnvelope envelope) {
        return JSON.writeValueAsString(withUnknownFields(JSON.valueToTree(envelope)));
    }

    /**
     * The same, with the text at {@code payloadPointer} (a JSON pointer into the payload, such as
     * {@code /verdict} or {@code /deviations/0/kind}) replaced by {@code unknownValue}.
     */
    public static String write(EventEnvelope envelope, String payloadPointer, String unknownValue) {
        JsonNode tree = withUnknownFields(JSON.valueToTree(envelope));
        int slash = payloadPointer.lastIndexOf('/');
        JsonNode parent = tree.get("payload").at(payloadPointer.substring(0, slash));
        if (!(parent instanceof ObjectNode object) || !object.has(payloadPointer.substring(slash + 1))) {
            throw new IllegalArgumentException("the payload has no field at " + payloadPointer);
        }
        object.put(payloadPointer.substring(slash + 1), unknownValue);
        return JSON.writeValueAsString(tree);
    }

    private static JsonNode withUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> withUnknownFields(field.getValue()));
            object.putObject(UNKNOWN_FIELD).put("note", "a field of a later producer").putArray("values").add(1);
        } else if (node.isArray()) {
            node.forEach(NewerProducer::withUnknownFields);
        }
        return node;
    }
}
