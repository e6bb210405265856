package com.upgradecoordination.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCompatibilityTest {

    static final String RELEASED = """
            {"type": "object",
             "properties": {
               "engagementId": {"type": ["string", "null"]},
               "planVersion": {"type": "integer", "format": "int32"},
               "verdict": {"type": "string", "enum": ["SUPPORTABLE", "NOT_SUPPORTABLE"]},
               "basis": {"$ref": "#/$defs/Basis"},
               "deviations": {"type": "array", "items": {"type": "object",
                  "properties": {"component": {"type": "string"}}, "required": ["component"]}}
             },
             "required": ["engagementId", "planVersion", "verdict"],
             "$defs": {"Basis": {"type": ["object", "null"], "properties": {"kind": {"type": "string"}}}}}
            """;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSameSchemaIsCompatible() {
        assertThat(changesTo(RELEASED)).isEmpty();
    }

    @Test
    void anOptionalFieldAndAWiderEnumerationAreAdditive() {
        String current = RELEASED
                .replace("\"engagementId\": {", "\"note\": {\"type\": [\"string\", \"null\"]}, \"engagementId\": {")
                .replace("\"NOT_SUPPORTABLE\"]", "\"NOT_SUPPORTABLE\", \"SUPPORTABLE_WITH_CONDITIONS\"]")
                .replace("\"properties\": {\"kind\"", "\"properties\": {\"since\": {\"type\": \"string\"}, \"kind\"");

        assertThat(changesTo(current)).isEmpty();
    }

    @Test
    void aRemovedOrRenamedFieldIsRefused() {
        assertThat(changesTo(RELEASED.replace("\"engagementId\": {", "\"caseId\": {")
                .replace("[\"engagementId\",", "[\"caseId\",")))
                .containsExactly("$.engagementId: removed or renamed",
                        "$.caseId: required now, but records written before may lack it");
    }

    @Test
    void aChangedTypeOrFormatIsRefusedAlsoDeepInside() {
        assertThat(changesTo(RELEASED.replace("\"format\": \"int32\"", "\"format\": \"int64\"")))
                .containsExactly("$.planVersion: format changed from \"int32\" to \"int64\"");
        assertThat(changesTo(RELEASED.replace("{\"component\": {\"type\": \"string\"}}",
                "{\"component\": {\"type\": \"object\"}}")))
                .containsExactly("$.deviations[].component: type changed from [string] to [object]");
        assertThat(changesTo(RELEASED.replace("{\"kind\": {\"type\": \"string\"}}", "{\"kind\": {\"type\": \"integer\"}}")))
                .containsExactly("$.basis.kind: type changed from [string] to [integer]");
    }

    @Test
    void aNewRequiredFieldIsRefused() {
        String current = RELEASED
                .replace("\"engagementId\": {", "\"reviewer\": {\"type\": \"string\"}, \"engagementId\": {")
                .replace("\"required\": [\"engagementId\",", "\"required\": [\"reviewer\", \"engagementId\",");

        assertThat(changesTo(current)).containsExactly("$.reviewer: required now, but records written before may lack it");
    }

    @Test
    void aNarrowedEnumerationIsRefused() {
        assertThat(changesTo(RELEASED.replace("[\"SUPPORTABLE\", \"NOT_SUPPORTABLE\"]", "[\"SUPPORTABLE\"]")))
                .containsExactly("$.verdict: enumeration narrowed, [\"NOT_SUPPORTABLE\"] no longer allowed");
    }

    @Test
    void aFieldThatMayNoLongerBeNullIsATypeChange() {
        assertThat(changesTo(RELEASED.replace("\"engagementId\": {\"type\": [\"string\", \"null\"]}",
                "\"engagementId\": {\"type\": \"string\"}")))
                .containsExactly("$.engagementId: type changed from [null, string] to [string]");
    }

    private java.util.List<String> changesTo(String current) {
        JsonNode released = json.readTree(RELEASED);
        return SchemaCompatibility.breakingChanges(released, json.readTree(current));
    }
}
