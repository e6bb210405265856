package com.upgradecoordination.platform.openapi;

import com.upgradecoordination.platform.security.AccessPolicy;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * What every operation of every service has in common, added to springdoc's document so that the
 * controllers need no OpenAPI annotations:
 *
 * <ul>
 *   <li>the security scheme {@value SharedComponents#BEARER_JWT} as the global requirement;</li>
 *   <li>problem+json error responses: 400, 401, 403 on every operation; 404 where the path has a
 *       variable; 409 and 422 (Idempotency-Key reused) on commands (POST, PUT, PATCH, DELETE); 413
 *       and 415 where there is a request body;</li>
 *   <li>the optional {@code Idempotency-Key} request header on commands (and the
 *       {@code Idempotent-Replayed} header of their success answers), the shared description of
 *       {@code If-Match} on the commands that declare it, and {@code X-Correlation-Id} on every
 *       operation;</li>
 *   <li>the roles the service's {@link AccessPolicy} allows, per operation;</li>
 *   <li>{@code application/json} instead of springdoc's {@code *}{@code /*} for success answers;</li>
 *   <li>the {@code ETag} response header on reads of one resource (a GET whose path ends in a
 *       variable and whose answer is not a list);</li>
 *   <li>no {@code /actuator} paths, and paths, components and tags in a stable (sorted) order.</li>
 * </ul>
 *
 * <p>Idempotent: applying it twice gives the same document.
 */
public class PlatformOpenApiCustomizer implements GlobalOpenApiCustomizer {

    static final String ALLOWED_ROLES_EXTENSION = "x-allowed-roles";

    private static final Set<PathItem.HttpMethod> COMMANDS = Set.of(PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String ANY_MEDIA_TYPE = "*/*";

    private final AccessPolicy accessPolicy;

    /** @param accessPolicy the service's access table, to name the roles of each operation; null if none */
    public PlatformOpenApiCustomizer(AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        SharedComponents.addTo(components);
        openApi.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(SharedComponents.BEARER_JWT))));

        Paths paths = openApi.getPaths() == null ? new Paths() : openApi.getPaths();
        Paths sorted = new Paths();
        new TreeMap<>(paths).forEach((path, item) -> {
            if (path.equals("/actuator") || path.startsWith("/actuator/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            sorted.addPathItem(path, item);
        });
        sorted.setExtensions(paths.getExtensions());
        openApi.setPaths(sorted);

        if (openApi.getTags() != null) {
            List<Tag> tags = new ArrayList<>(openApi.getTags());
            tags.sort(Comparator.comparing(Tag::getName, Comparator.nullsFirst(Comparator.naturalOrder())));
            openApi.setTags(tags);
        }
        sortComponents(components);
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean pathVariables = path.contains("{");
        boolean command = COMMANDS.contains(method);
        boolean body = operation.getRequestBody() != null;

        documentRoles(path, method, operation);
        addParameter(operation, SharedComponents.CORRELATION_ID_PARAMETER);
        if (command) {
            addParameter(operation, SharedComponents.IDEMPOTENCY_KEY_PARAMETER);
        }
        // The If-Match of commands that check a version (IfMatchOperationCustomizer) gets the shared description.
        if (operation.getParameters() != null && operation.getParameters().removeIf(
                p -> "header".equals(p.getIn()) && SharedComponents.IF_MATCH_PARAMETER.equalsIgnoreCase(p.getName()))) {
            addParameter(operation, SharedComponents.IF_MATCH_PARAMETER);
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                answerJson(response);
                if (command) {
                    response.addHeaderObject(SharedComponents.IDEMPOTENT_REPLAYED_HEADER, new Header()
                            .$ref("#/components/headers/" + SharedComponents.IDEMPOTENT_REPLAYED_HEADER));
                }
            }
        });
        if (method == PathItem.HttpMethod.GET && path.endsWith("}")) {
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && !answersAList(response)) {
                    response.addHeaderObject(SharedComponents.ETAG_HEADER,
                            new Header().$ref("#/components/headers/" + SharedComponents.ETAG_HEADER));
                }
            });
        }
        putError(responses, "400", SharedComponents.BAD_REQUEST);
        putError(responses, "401", SharedComponents.UNAUTHORIZED);
        putError(responses, "403", SharedComponents.FORBIDDEN);
        if (pathVariables) {
            putError(responses, "404", SharedComponents.NOT_FOUND);
        }
        if (command) {
            putError(responses, "409", SharedComponents.CONFLICT);
            putError(responses, "422", SharedComponents.IDEMPOTENCY_KEY_REUSED);
        }
        if (body) {
            putError(responses, "413", SharedComponents.CONTENT_TOO_LARGE);
            putError(responses, "415", SharedComponents.UNSUPPORTED_MEDIA_TYPE);
        }
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        operation.setResponses(ordered);
    }

    /**
     * The roles of the access-table line that covers the operation, in its description and as
     * {@value #ALLOWED_ROLES_EXTENSION}: the first of them the caller holds is the role it acts in.
     */
    private void documentRoles(String path, PathItem.HttpMethod method, Operation operation) {
        if (accessPolicy == null) {
            return;
        }
        List<String> roles = accessPolicy.ruleFor(HttpMethod.valueOf(method.name()), path)
                .map(AccessPolicy.Rule::roles).orElse(List.of());
        String sentence = roles.isEmpty()
                ? "No line of the access table covers this operation: it is refused to everyone (403)."
                : "Roles: " + String.join(", ", roles) + ". The caller acts in the first of them it holds; "
                        + "other roles get 403.";
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(sentence);
        } else if (!description.contains(sentence)) {
            operation.setDescription(description + "\n\n" + sentence);
        }
        operation.addExtension(ALLOWED_ROLES_EXTENSION, roles);
    }

    /** The services answer JSON; springdoc says {@code *}{@code /*} when a handler does not declare it. */
    private static void answerJson(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || !content.containsKey(ANY_MEDIA_TYPE)) {
            return;
        }
        Content json = new Content();
        content.forEach((type, media) -> json.addMediaType(ANY_MEDIA_TYPE.equals(type) ? JSON : type, media));
        response.setContent(json);
    }

    private static boolean answersAList(ApiResponse response) {
        if (response.getContent() == null) {
            return false;
        }
        return response.getContent().values().stream()
                .map(io.swagger.v3.oas.models.media.MediaType::getSchema)
                .anyMatch(schema -> schema != null && isArray(schema));
    }

    private static boolean isArray(Schema<?> schema) {
        return "array".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("array"))
                || schema.getItems() != null;
    }

    private static void addParameter(Operation operation, String name) {
        String ref = "#/components/parameters/" + name;
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        boolean present = parameters.stream().anyMatch(p -> ref.equals(p.get$ref())
                || (name.equalsIgnoreCase(p.getName()) && "header".equals(p.getIn())));
        if (!present) {
            parameters.add(new Parameter().$ref(ref));
        }
        operation.setParameters(parameters);
    }

    /** The platform's problem+json answer for {@code status}, replacing whatever springdoc guessed. */
    private static void putError(ApiResponses responses, String status, String component) {
        responses.put(status, new ApiResponse().$ref("#/components/responses/" + component));
    }

    private static void sortComponents(Components components) {
        components.setSchemas(sorted(components.getSchemas()));
        components.setResponses(sorted(components.getResponses()));
        components.setParameters(sorted(components.getParameters()));
        components.setHeaders(sorted(components.getHeaders()));
        components.setExamples(sorted(components.getExamples()));
        components.setRequestBodies(sorted(components.getRequestBodies()));
        components.setSecuritySchemes(sorted(components.getSecuritySchemes()));
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? null : new TreeMap<>(map);
    }
}
