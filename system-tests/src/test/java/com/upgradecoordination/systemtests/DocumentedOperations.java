package com.upgradecoordination.systemtests;

import com.upgradecoordination.local.LocalStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of the committed OpenAPI documents ({@code docs/openapi/<service>.json}): what
 * each one takes (path, query and header parameters, request body) and which roles may call it
 * ({@code x-allowed-roles}). References ({@code $ref}) are resolved against the same document.
 */
final class DocumentedOperations {

    static final Path OPENAPI_DIRECTORY = Path.of("..", "docs", "openapi");

    /** One parameter of an operation; {@code in} is path, query or header. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One documented operation. {@code body} is the request body's JSON schema ({@code $ref}s
     * resolved on demand through {@link #resolve}), null when the operation takes none.
     */
    record Operation(Service service, String method, String path, List<String> allowedRoles,
                     List<Parameter> parameters, JsonNode body, boolean bodyRequired, JsonNode document) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        boolean hasHeader(String name) {
            return in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(name));
        }

        /** The schema itself, or the one its {@code $ref} names. */
        JsonNode resolve(JsonNode schema) {
            return DocumentedOperations.resolve(document, schema);
        }

        boolean isCommand() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return service.serviceName() + " " + method + " " + path;
        }
    }

    private DocumentedOperations() {
    }

    /** Every operation of every service, in document order. */
    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            operations.addAll(of(service));
        }
        return operations;
    }

    static List<Operation> of(Service service) {
        JsonNode document = read(OPENAPI_DIRECTORY.resolve(service.serviceName() + ".json"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                List<String> roles = new ArrayList<>();
                operation.path("x-allowed-roles").values().forEach(role -> roles.add(role.asString()));
                if (roles.isEmpty()) {
                    throw new IllegalStateException(service.serviceName() + " " + method.getKey() + " " + path.getKey()
                            + " names no x-allowed-roles");
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode declared : operation.path("parameters").values()) {
                    JsonNode parameter = resolve(document, declared);
                    parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(document, parameter.path("schema"))));
                }
                JsonNode requestBody = operation.get("requestBody");
                JsonNode body = null;
                if (requestBody != null) {
                    body = requestBody.path("content").path("application/json").get("schema");
                    if (body == null) {
                        throw new IllegalStateException(service.serviceName() + " " + path.getKey()
                                + " has a request body that is not application/json: the generator knows only JSON");
                    }
                }
                operations.add(new Operation(service, method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(roles), List.copyOf(parameters), body,
                        requestBody != null && requestBody.path("required").asBoolean(false), document));
            }
        }
        return operations;
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode resolved = node;
        while (resolved != null && resolved.has("$ref")) {
            String reference = resolved.get("$ref").asString();
            if (!reference.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported: " + reference);
            }
            resolved = document.at(reference.substring(1));
            if (resolved.isMissingNode()) {
                throw new IllegalStateException("Unresolvable reference " + reference);
            }
        }
        return resolved;
    }

    private static JsonNode read(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
