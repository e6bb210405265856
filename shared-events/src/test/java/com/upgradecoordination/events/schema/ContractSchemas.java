package com.upgradecoordination.events.schema;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.upgradecoordination.events.AddedWithinVersion;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.PersonalData;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (draft 2020-12) of each contract version from its record, the way
 * consumers see it on the wire: every field is present (null where a reference type has no value)
 * except those {@link AddedWithinVersion}, which records written earlier lack; fields marked
 * {@link PersonalData} carry {@code "x-personal-data": true}. Unknown fields are allowed, since
 * consumers must ignore them.
 */
final class ContractSchemas {

    static final String ENVELOPE = "envelope";
    static final int ENVELOPE_VERSION = 1;

    private final SchemaGenerator generator;

    ContractSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(AddedWithinVersion.class) == null)
                .withInstanceAttributeOverride(ContractSchemas::markPersonalData);
        // the envelope's payload is one of the contract schemas, chosen by type and schemaVersion
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> type.isInstanceOf(JsonNode.class)
                ? new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "object")
                        .put("description", "The contract payload named by type and schemaVersion: "
                                + "schemas/<type>/v<schemaVersion>.json"))
                : null);
        this.generator = new SchemaGenerator(config.build());
    }

    /** Where a contract version's schema lives, relative to a schema root. */
    static Path relativePath(String type, int version) {
        return Path.of(type, "v" + version + ".json");
    }

    static Path relativePath(Class<? extends Record> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        return relativePath(annotation.type(), annotation.version());
    }

    ObjectNode contract(Class<? extends Record> contract) {
        EventContract annotation = IntegrationEventCatalog.contractOf(contract);
        ObjectNode schema = generator.generateSchema(contract);
        return describe(schema, annotation.type(), annotation.version())
                .put("x-topic", annotation.topic());
    }

    ObjectNode envelope() {
        return describe(generator.generateSchema(EventEnvelope.class), ENVELOPE, ENVELOPE_VERSION);
    }

    private static ObjectNode describe(ObjectNode generated, String type, int version) {
        ObjectNode schema = generated.objectNode()
                .put("$schema", generated.get("$schema").asString())
                .put("$id", "urn:upgrade-coordination:schema:" + type + ":v" + version)
                .put("title", type + " v" + version);
        generated.properties().forEach(entry -> {
            if (!schema.has(entry.getKey())) {
                schema.set(entry.getKey(), entry.getValue());
            }
        });
        return schema;
    }

    private static void markPersonalData(ObjectNode attributes, FieldScope field,
                                         com.github.victools.jsonschema.generator.SchemaGenerationContext context) {
        if (field.getAnnotationConsideringFieldAndGetter(PersonalData.class) != null) {
            attributes.put("x-personal-data", true);
        }
    }
}
