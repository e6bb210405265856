package com.upgradecoordination.devsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a service's served OpenAPI document and its committed copy under {@code docs/openapi/}
 * in step. Each service's {@code OpenApiContractIT} calls {@link #verifyServedDocument(String, int)},
 * which fetches {@code /v3/api-docs} without a token and hands it to {@link #verify(String, String)}:
 *
 * <ul>
 *   <li>the document is normalised: {@code servers} (it holds the test's random port) is dropped,
 *       object keys are sorted, and it is pretty-printed with two-space indentation and a final
 *       newline, so the committed file is stable and diffs well;</li>
 *   <li>normally the normalised served document must equal the normalised committed file, else an
 *       {@link AssertionError} names the file, the first differing line and the update command;</li>
 *   <li>with {@code OPENAPI_UPDATE=true} in the environment (or the system property
 *       {@code openapi.update=true}) the file is written instead and the check passes.</li>
 * </ul>
 *
 * <p>Numbers are read as BigDecimal, so they print back as they were written.
 */
public final class OpenApiContract {

    public static final String UPDATE_COMMAND = "OPENAPI_UPDATE=true ./mvnw -B -ntp verify";
    public static final String UPDATE_PROPERTY = "openapi.update";
    public static final String UPDATE_VARIABLE = "OPENAPI_UPDATE";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Two-space indentation, one array element per line, {@code "key": value}, {@code {}} and {@code []}. */
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private OpenApiContract() {
    }

    /** Fetches the document the service runs on {@code port} serves (without a token) and {@link #verify verifies} it. */
    public static void verifyServedDocument(String serviceName, int port) {
        String served = TestClients.anonymous(port, Duration.ofSeconds(30))
                .get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        verify(serviceName, served);
    }

    /** Compares {@code servedDocument} with {@code docs/openapi/<serviceName>.json}, or writes it when updating. */
    public static void verify(String serviceName, String servedDocument) {
        Path committed = committedFile(serviceName);
        checkShape(serviceName, parse(servedDocument));
        String served = normalise(servedDocument);
        if (updateRequested()) {
            write(committed, served);
            System.out.println("OpenAPI contract: wrote " + committed);
            return;
        }
        if (!Files.isRegularFile(committed)) {
            throw new AssertionError("The OpenAPI document of " + serviceName + " has no committed copy: "
                    + committed + " is missing.\nCreate it with: " + UPDATE_COMMAND
                    + "\n(or, for this module only, add -pl " + serviceName + "), review it and commit it.");
        }
        String expected;
        try {
            expected = normalise(Files.readString(committed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException notJson) {
            throw new AssertionError(committed + " is not valid JSON (" + notJson.getMessage()
                    + ").\nRegenerate it with: " + UPDATE_COMMAND, notJson);
        }
        if (!expected.equals(served)) {
            throw new AssertionError("The OpenAPI document served by " + serviceName + " differs from the "
                    + "committed copy " + committed + "\n" + firstDifference(expected, served)
                    + "\nIf the change to the API is intended, update the committed file with:\n    "
                    + UPDATE_COMMAND + "\n(or -Dopenapi.update=true; for this module only add -pl " + serviceName
                    + "), review the diff and commit it.");
        }
    }

    /**
     * What no served document may lack, checked before comparing or writing, so that an update
     * cannot commit a document the platform's customisation did not reach.
     */
    private static void checkShape(String serviceName, JsonNode document) {
        List<String> problems = new ArrayList<>();
        if (!document.path("openapi").isString()) {
            problems.add("no 'openapi' version");
        }
        if (!serviceName.equals(document.path("info").path("title").asString(""))) {
            problems.add("info.title is not " + serviceName);
        }
        JsonNode paths = document.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            problems.add("no paths");
        } else if (paths.propertyNames().stream().anyMatch(path -> path.startsWith("/actuator"))) {
            problems.add("/actuator paths are documented");
        }
        if (!document.path("components").path("securitySchemes").has("bearer-jwt")) {
            problems.add("no security scheme 'bearer-jwt'");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document served by " + serviceName + " is not complete: "
                    + String.join("; ", problems) + ". Is the platform's OpenApiAutoConfiguration active?");
        }
    }

    /** True when {@code OPENAPI_UPDATE=true} is in the environment or {@code -Dopenapi.update=true} was given. */
    public static boolean updateRequested() {
        return "true".equalsIgnoreCase(System.getProperty(UPDATE_PROPERTY, "").trim())
                || "true".equalsIgnoreCase(String.valueOf(System.getenv(UPDATE_VARIABLE)).trim());
    }

    /**
     * {@code docs/openapi/<serviceName>.json} of the repository: the first directory, from the
     * working directory (a module's directory under Maven) upwards, that holds {@code docs/openapi}.
     */
    public static Path committedFile(String serviceName) {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path docs = directory.resolve("docs").resolve("openapi");
            if (Files.isDirectory(docs)) {
                return docs.resolve(serviceName + ".json");
            }
        }
        throw new AssertionError("No docs/openapi directory in " + start + " or any directory above it");
    }

    /** The canonical text of an OpenAPI document: without {@code servers}, keys sorted, pretty-printed. */
    public static String normalise(String json) {
        JsonNode document = parse(json);
        if (document instanceof ObjectNode root) {
            root.remove("servers");
        }
        return WRITER.writeValueAsString(document) + "\n";
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("not JSON: " + notJson.getOriginalMessage(), notJson);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return;
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] committed = expected.split("\n", -1);
        String[] served = actual.split("\n", -1);
        int line = 0;
        while (line < committed.length && line < served.length && committed[line].equals(served[line])) {
            line++;
        }
        return "First difference at line " + (line + 1) + ":\n  committed: "
                + (line < committed.length ? committed[line].strip() : "<end of file>") + "\n  served:    "
                + (line < served.length ? served[line].strip() : "<end of file>");
    }
}
