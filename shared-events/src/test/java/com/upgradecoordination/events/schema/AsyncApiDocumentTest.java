package com.upgradecoordination.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.IntegrationEventCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The checked-in AsyncAPI document is the generated one, and it names every contract and nothing else. */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = ContractSchemasTest.SCHEMAS.getParent().resolve(AsyncApiDocument.FILE);

    final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            // a string of digits (a header's value) must read back as a string, not a number
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    @Test
    void theCheckedInDocumentIsTheGeneratedOne() throws IOException {
        String generated = yaml.writeValueAsString(new AsyncApiDocument().document());
        if (Boolean.getBoolean("contracts.schemas.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
                .as("shared-events/%s differs from what the contracts generate; regenerate with%n  %s",
                        DOCUMENT, ContractSchemasTest.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void itDescribesEveryContractOfTheCatalogAndNothingElse() throws IOException {
        JsonNode document = yaml.readTree(Files.readString(DOCUMENT));

        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        Set<String> catalog = IntegrationEventCatalog.CONTRACTS.stream()
                .map(AsyncApiDocument::messageName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(document.path("components").path("messages").propertyNames())).isEqualTo(catalog);
        Set<String> onChannels = new TreeSet<>();
        document.path("channels").forEach(channel -> onChannels.addAll(channel.path("messages").propertyNames()));
        assertThat(onChannels).isEqualTo(catalog);
        assertThat(unresolvedReferences(document, document)).isEmpty();
    }

    @Test
    void eachMessageNamesItsContractInTheRecordHeaders() throws IOException {
        JsonNode messages = yaml.readTree(Files.readString(DOCUMENT)).path("components").path("messages");

        for (Class<? extends Record> contract : IntegrationEventCatalog.CONTRACTS) {
            EventContract annotation = IntegrationEventCatalog.contractOf(contract);
            JsonNode headers = messages.path(AsyncApiDocument.messageName(contract)).path("headers").path("properties");
            assertThat(headers.path(EnvelopeHeaders.TYPE).path("const").asString()).isEqualTo(annotation.type());
            assertThat(headers.path(EnvelopeHeaders.SCHEMA_VERSION).path("const").isString()).isTrue();
            assertThat(headers.path(EnvelopeHeaders.SCHEMA_VERSION).path("const").asString())
                    .isEqualTo(Integer.toString(annotation.version()));
        }
    }

    /** Every {@code $ref}: a pointer into the document, or a schema file next to it. */
    private List<String> unresolvedReferences(JsonNode document, JsonNode node) {
        List<String> unresolved = new ArrayList<>();
        if (node.has("$ref")) {
            String reference = node.get("$ref").asString();
            boolean resolves = reference.startsWith("#")
                    ? !document.at(reference.substring(1)).isMissingNode()
                    : Files.exists(DOCUMENT.resolveSibling(reference));
            if (!resolves) {
                unresolved.add(reference);
            }
        }
        node.forEach(child -> unresolved.addAll(unresolvedReferences(document, child)));
        return unresolved;
    }
}
