package com.upgradecoordination.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.IntegrationEventCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked-in schemas are the code's: this test fails when a contract record changed and its
 * schema file did not (or a file is left over), and it rewrites them on request. It also refuses a
 * change to a released contract version that is not additive. Releasing a contract set copies the
 * versions not yet released into {@code schemas/released} ({@code -Dcontracts.schemas.release=true}).
 */
class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path RELEASED = SCHEMAS.resolve("released");
    static final String REGENERATE =
            "./mvnw -pl shared-events test -Dtest=ContractSchemasTest,AsyncApiDocumentTest -Dcontracts.schemas.write=true";

    final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    final ContractSchemas schemas = new ContractSchemas();

    @Test
    void theCheckedInSchemasAreTheOnesTheRecordsGenerate() throws IOException {
        Map<Path, String> generated = generated();
        if (Boolean.getBoolean("contracts.schemas.write")) {
            write(SCHEMAS, generated);
        }

        List<String> stale = new ArrayList<>();
        generated.forEach((path, text) -> {
            Path file = SCHEMAS.resolve(path);
            if (!Files.exists(file) || !read(file).equals(text)) {
                stale.add(path + (Files.exists(file) ? " differs from its record" : " is missing"));
            }
        });
        for (Path file : checkedIn(SCHEMAS)) {
            if (!generated.containsKey(SCHEMAS.relativize(file))) {
                stale.add(SCHEMAS.relativize(file) + " has no contract in IntegrationEventCatalog");
            }
        }
        assertThat(stale).as("""
                The JSON Schemas under shared-events/%s do not match the contract records. Regenerate them with
                  %s
                and review the diff (ContractSchemasTest then checks that released versions only grew).""",
                SCHEMAS, REGENERATE).isEmpty();
    }

    @Test
    void releasedContractVersionsChangedOnlyAdditively() throws IOException {
        if (Boolean.getBoolean("contracts.schemas.release")) {
            write(RELEASED, generated());
        }
        Map<Path, String> generated = generated();
        List<String> refused = new ArrayList<>();
        for (Path releasedFile : checkedIn(RELEASED)) {
            Path relative = RELEASED.relativize(releasedFile);
            String current = generated.get(relative);
            if (current == null) {
                refused.add(relative + ": a released contract version is gone; keep publishing it until its "
                        + "deprecation period ends (docs/kafka-contracts.md)");
                continue;
            }
            SchemaCompatibility.breakingChanges(json.readTree(read(releasedFile)), json.readTree(current))
                    .forEach(change -> refused.add(relative + " " + change));
        }
        assertThat(refused).as("""
                These changes to released contract versions are not additive. Keep the released version as it is
                and publish the change as a new version (@EventContract(version = N + 1)), see docs/kafka-contracts.md.""")
                .isEmpty();
    }

    private Map<Path, String> generated() {
        Map<Path, String> generated = new TreeMap<>();
        for (Class<? extends Record> contract : IntegrationEventCatalog.CONTRACTS) {
            generated.put(ContractSchemas.relativePath(contract), text(schemas.contract(contract)));
        }
        generated.put(ContractSchemas.relativePath(ContractSchemas.ENVELOPE, ContractSchemas.ENVELOPE_VERSION),
                text(schemas.envelope()));
        return generated;
    }

    private String text(JsonNode schema) {
        return json.writeValueAsString(schema) + "\n";
    }

    private static void write(Path root, Map<Path, String> generated) throws IOException {
        if (root.equals(RELEASED)) {
            // a released version stays released while it is still published: add, never delete
            generated.keySet().removeIf(path -> Files.exists(RELEASED.resolve(path)));
        } else {
            for (Path stale : checkedIn(root)) {
                Files.delete(stale);
            }
        }
        for (Map.Entry<Path, String> schema : generated.entrySet()) {
            Path file = root.resolve(schema.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.getValue());
        }
    }

    /** The schema files under a root, the released set excluded unless it is the root. */
    private static List<Path> checkedIn(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> root.equals(RELEASED) || !file.startsWith(RELEASED))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
