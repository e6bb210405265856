package com.upgradecoordination.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drops every field the contract's JSON Schema marks {@code "x-personal-data": true}, before anything
 * else reads the event: the figures need none of them, so none is ever kept (docs/personal-data.md).
 *
 * <p>It reads the schemas as an analytics team without Java would: the files of
 * {@code schemas/<type>/v<N>.json} (here from shared-events' jar; the services serve the same files at
 * {@code /v3/schemas/<type>/v<N>.json}). A field is found by walking the schema's {@code properties},
 * the {@code items} of arrays and local {@code $ref}s, so a marked field inside an object or a list of
 * objects is dropped too.
 */
final class PersonalData {

    private static final String MARK = "x-personal-data";

    private final ObjectMapper json;
    private final Map<String, Optional<JsonNode>> schemas = new ConcurrentHashMap<>();

    PersonalData(ObjectMapper json) {
        this.json = json;
    }

    /** The envelope's own marked fields ({@code actor.principal}) dropped, in place. */
    void dropFromEnvelope(ObjectNode envelope) {
        schema("schemas/envelope/v1.json").ifPresent(schema -> drop(envelope, schema, schema));
    }

    /**
     * The payload's marked fields dropped, in place. False when there is no schema for this type and
     * version: the consumer does not know the contract and must not read it.
     */
    boolean dropFromPayload(String type, int version, JsonNode payload) {
        Optional<JsonNode> schema = schema("schemas/" + type + "/v" + version + ".json");
        schema.ifPresent(s -> drop(payload, s, s));
        return schema.isPresent();
    }

    private void drop(JsonNode value, JsonNode schema, JsonNode root) {
        JsonNode resolved = resolve(schema, root);
        if (value instanceof ObjectNode object) {
            resolved.path("properties").properties().forEach(property -> {
                if (property.getValue().path(MARK).asBoolean(false)) {
                    object.remove(property.getKey());
                } else if (object.has(property.getKey())) {
                    drop(object.get(property.getKey()), property.getValue(), root);
                }
            });
        } else if (value.isArray()) {
            JsonNode items = resolved.path("items");
            value.forEach(item -> drop(item, items, root));
        }
    }

    /** A local reference ({@code #/$defs/Name}) is followed; the generated schemas use no other kind. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        String reference = schema.path("$ref").asString("");
        return reference.startsWith("#/") ? root.at(reference.substring(1)) : schema;
    }

    private Optional<JsonNode> schema(String resource) {
        return schemas.computeIfAbsent(resource, this::load);
    }

    private Optional<JsonNode> load(String resource) {
        try (InputStream in = PersonalData.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
