package com.upgradecoordination.platform.openapi;

import com.upgradecoordination.platform.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The components every service's document shares: the security scheme, the {@code Problem}
 * schema, the error responses (each with examples), the command headers and the {@code ETag}.
 */
final class SharedComponents {

    static final String BEARER_JWT = "bearer-jwt";

    static final String PROBLEM = "Problem";
    static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";

    static final String IDEMPOTENCY_KEY_PARAMETER = "Idempotency-Key";
    static final String IF_MATCH_PARAMETER = "If-Match";
    static final String CORRELATION_ID_PARAMETER = "X-Correlation-Id";
    static final String ETAG_HEADER = "ETag";
    static final String IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String TYPES = ProblemDetailsAdvice.TYPE_PREFIX;

    private SharedComponents() {
    }

    static void addTo(Components components) {
        components.addSecuritySchemes(BEARER_JWT, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("A JWT from the identity provider, sent as `Authorization: Bearer <JWT>`. "
                        + "The principal is its `preferred_username` (else `sub`); its `roles` claim lists the "
                        + "caller's roles (CSM, PROSERV, SUPPORT_ENGINEER, SENIOR_SUPPORT_ENGINEER, "
                        + "SUPPORT_MANAGER, AUDITOR, INTEGRATION)."));

        components.addSchemas(PROBLEM_FIELD_ERROR, object()
                .description("One invalid field and why it is invalid.")
                .addProperty("field", string().description("The field's path in the request body")
                        .example("explanation"))
                .addProperty("reason", string().description("Why the value is refused").example("must not be blank"))
                .required(List.of("field", "reason")));
        components.addSchemas(PROBLEM, object()
                .description("RFC 9457 problem details (`application/problem+json`). Nothing was changed.")
                .addProperty("type", string().format("uri")
                        .description("Identifies the kind of problem; stable, so clients may branch on it. "
                                + "Absent (`about:blank`) when the HTTP status says it all (413, 415)")
                        .example(TYPES + "rule-violation"))
                .addProperty("title", string().description("Short summary of the kind of problem")
                        .example("Refused by a business rule"))
                .addProperty("status", typed("integer").format("int32").description("The HTTP status code")
                        .example(409))
                .addProperty("detail", string().description("What went wrong with this request"))
                .addProperty("instance", string().format("uri-reference")
                        .description("The path of the request that failed"))
                .addProperty("rule", string()
                        .description("For a refusal by a business rule (409): the rule's name")
                        .example("support-review-already-completed"))
                .addProperty("errors", typed("array")
                        .description("For invalid input (400): every invalid field")
                        .items(ref(PROBLEM_FIELD_ERROR)))
                .addProperty("expectedVersion", typed("integer").format("int64")
                        .description("For a stale version (409): the version the request was based on (If-Match)")
                        .example(3))
                .addProperty("actualVersion", typed("integer").format("int64")
                        .description("For a stale version (409): the resource's current version").example(4))
                .required(List.of("title", "status")));

        components.addResponses(BAD_REQUEST, problem(
                "Invalid input: a field is missing or out of range, the body is not valid JSON, or a "
                        + "path or query value is malformed. Nothing was changed.",
                example("invalid-input", "A field is invalid", problemValue(400, TYPES + "invalid-input",
                        "Invalid input", "The request has invalid fields; nothing was changed.",
                        Map.of("errors", List.of(Map.of("field", "explanation", "reason", "must not be blank"))))),
                example("unreadable-body", "The body is not valid JSON", problemValue(400, TYPES + "invalid-input",
                        "Invalid input", "The request body cannot be read; nothing was changed.", Map.of()))));
        components.addResponses(UNAUTHORIZED, problem(
                "No bearer token, or a token that is expired, not signed by the trusted issuer, or otherwise "
                        + "invalid. The `WWW-Authenticate` header says `Bearer` (`error=\"invalid_token\"` for a "
                        + "bad token).",
                example("missing-token", "No Authorization header", problemValue(401, TYPES + "unauthenticated",
                        "Authentication required", "Send a bearer token (Authorization: Bearer <JWT>).", Map.of())),
                example("expired-token", "An expired token", problemValue(401, TYPES + "unauthenticated",
                        "Authentication required", "The bearer token is not valid: Jwt expired at "
                                + "2026-01-31T10:15:30Z", Map.of())),
                example("forged-token", "A token not signed by the trusted issuer", problemValue(401,
                        TYPES + "unauthenticated", "Authentication required",
                        "The bearer token is not valid: Failed to validate the token", Map.of())))
                .addHeaderObject("WWW-Authenticate", new Header()
                        .description("`Bearer`, or `Bearer error=\"invalid_token\"` when a token was sent")
                        .schema(string())));
        components.addResponses(FORBIDDEN, problem(
                "The caller is authenticated, but none of its roles may call this operation.",
                example("role-not-allowed", "The role may not call this", problemValue(403, TYPES + "forbidden",
                        "Not allowed", "Your roles do not allow POST /support-reviews/"
                                + "6f1c2b1e-4c1d-4a53-9a57-1f0d2c3b4a59/completion", Map.of()))));
        components.addResponses(NOT_FOUND, problem(
                "Nothing with the id in the path exists (or the caller may not know of it).",
                example("not-found", "Unknown id", problemValue(404, TYPES + "not-found", "Not found",
                        "Nothing found with id 6f1c2b1e-4c1d-4a53-9a57-1f0d2c3b4a59", Map.of()))));
        components.addResponses(CONFLICT, problem(
                "Refused, nothing was changed: a business rule does not allow the command now (`rule` "
                        + "names it); or the resource is no longer at the `If-Match` version, or another request "
                        + "changed it at the same moment (`stale-version`: read it again and retry); or the first "
                        + "request with the same `Idempotency-Key` is still running "
                        + "(`idempotency-key-in-progress`).",
                example("rule-violation", "A business rule refused the command", problemValue(409,
                        TYPES + "rule-violation", "Refused by a business rule",
                        "The support review is already completed", Map.of("rule", "support-review-already-completed"))),
                example("stale-version", "If-Match names an older version", problemValue(409,
                        TYPES + "stale-version", "Stale version",
                        "The resource is at version 4, the request was based on version 3; read it again "
                                + "(its ETag is the version) and retry.",
                        orderedMap("expectedVersion", 3, "actualVersion", 4))),
                example("idempotency-key-in-progress", "The first request with this Idempotency-Key still runs",
                        problemValue(409, TYPES + "idempotency-key-in-progress", "Request in progress",
                                "A request with Idempotency-Key 5b0e7c7e-2f3c-4b8e-9d8e-3f1f6a0b9c21 is still being "
                                        + "processed; retry it later to get its result.", Map.of())))
                .addHeaderObject("Retry-After", new Header()
                        .description("With `idempotency-key-in-progress`: seconds to wait before retrying")
                        .schema(typed("integer").format("int32"))));
        components.addResponses(IDEMPOTENCY_KEY_REUSED, problem(
                "The `Idempotency-Key` was already used for a different request (method, path or body). "
                        + "Nothing was changed; use a new key for a new request.",
                example("idempotency-key-reused", "The key belongs to another request", problemValue(422,
                        TYPES + "idempotency-key-reused", "Idempotency-Key reused",
                        "Idempotency-Key 5b0e7c7e-2f3c-4b8e-9d8e-3f1f6a0b9c21 was already used for a different "
                                + "request (method, path or body); use a new key for a new request. "
                                + "Nothing was changed.", Map.of()))));
        components.addResponses(CONTENT_TOO_LARGE, problem(
                "The request body is larger than the service accepts (256 KB).",
                example("too-large", "The body is too large", problemValue(413, null, "Content Too Large", null,
                        Map.of()))));
        components.addResponses(UNSUPPORTED_MEDIA_TYPE, problem(
                "The request body is not `application/json` (`Content-Type`).",
                example("unsupported-media-type", "The body is not JSON", problemValue(415, null,
                        "Unsupported Media Type", "Content-Type 'text/plain' is not supported.", Map.of()))));

        components.addParameters(IDEMPOTENCY_KEY_PARAMETER, new Parameter()
                .in("header").name(IDEMPOTENCY_KEY_PARAMETER).required(false)
                .description("Makes a retry safe. The command runs once per key and caller: a retry with the same "
                        + "key and the same request (method, path, body) gets the first response again, with "
                        + "`Idempotent-Replayed: true`, and changes nothing. The same key with a different request "
                        + "gets 422; while the first request still runs, 409 with `Retry-After`. Use a new random "
                        + "key (for example a UUID) for each intended change.")
                .schema(string().maxLength(200).pattern("^[A-Za-z0-9._:-]{1,200}$")
                        .example("5b0e7c7e-2f3c-4b8e-9d8e-3f1f6a0b9c21")));
        components.addParameters(IF_MATCH_PARAMETER, new Parameter()
                .in("header").name(IF_MATCH_PARAMETER).required(false)
                .description("Optimistic concurrency: the `ETag` of the resource's GET, quoted (`\"3\"`) or bare "
                        + "(`3`). The command runs only if the resource is still at that version, else 409 "
                        + "`stale-version`. No header or `*`: no check; anything else: 400.")
                .schema(string().example("\"3\"")));
        components.addParameters(CORRELATION_ID_PARAMETER, new Parameter()
                .in("header").name(CORRELATION_ID_PARAMETER).required(false)
                .description("Continues a flow: stored as the correlation id of every event the request causes "
                        + "and echoed in the response. Without it the request id is the correlation id. "
                        + "1-100 characters of `A-Z a-z 0-9 . _ : -`.")
                .schema(string().maxLength(100).pattern("^[A-Za-z0-9._:-]{1,100}$").example("corr-upgrade-42")));
        components.addHeaders(ETAG_HEADER, new Header()
                .description("The resource's version, a strong entity tag: the sequence number of its last stored "
                        + "event (0 after the first). Send it back as `If-Match` on a command so that the command "
                        + "is refused if the resource changed in between.")
                .schema(string().example("\"3\"")));
        components.addHeaders(IDEMPOTENT_REPLAYED_HEADER, new Header()
                .description("`true` when this is the stored response of an earlier request with the same "
                        + "`Idempotency-Key`; the command did not run again.")
                .schema(string().example("true")));
    }

    @SafeVarargs
    private static ApiResponse problem(String description, Map.Entry<String, Example>... examples) {
        MediaType mediaType = new MediaType().schema(ref(PROBLEM));
        for (Map.Entry<String, Example> example : examples) {
            mediaType.addExamples(example.getKey(), example.getValue());
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, mediaType));
    }

    private static Map.Entry<String, Example> example(String name, String summary, Map<String, Object> value) {
        return Map.entry(name, new Example().summary(summary).value(value));
    }

    private static Map<String, Object> problemValue(int status, String type, String title, String detail,
                                                    Map<String, Object> more) {
        Map<String, Object> value = new LinkedHashMap<>();
        if (type != null) {
            value.put("type", type);
        }
        value.put("title", title);
        value.put("status", status);
        if (detail != null) {
            value.put("detail", detail);
        }
        value.putAll(more);
        return value;
    }

    private static Map<String, Object> orderedMap(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    private static Schema<Object> object() {
        return typed("object");
    }

    private static Schema<Object> string() {
        return typed("string");
    }

    /** Sets the type for both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) serialisation. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        Set<String> types = new LinkedHashSet<>();
        types.add(type);
        schema.setTypes(types);
        return schema;
    }

    private static Schema<Object> ref(String schema) {
        return new Schema<Object>().$ref("#/components/schemas/" + schema);
    }
}
