package com.upgradecoordination.systemtests;

import com.upgradecoordination.local.LocalStack.Service;
import com.upgradecoordination.systemtests.DocumentedOperations.Operation;
import com.upgradecoordination.systemtests.DocumentedOperations.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates requests to one documented operation that are malformed in one or two ways: a plausible
 * request is built from the operation's schemas (every parameter and body field as documented), then
 * broken: in its body (wrong JSON types, missing required fields, nulls, strings past maxLength, bad
 * enum values, bad dates and numbers, unknown fields, deep nesting, text that is not JSON, an empty
 * body, a body too large, the wrong Content-Type), in its path or query parameters (bad ids, bad
 * dates, numbers and enum values, very long values, missing required ones) or in its headers
 * (If-Match, Idempotency-Key and X-Correlation-Id garbage). Everything comes from the given random
 * source, so a seed reproduces a case.
 */
final class MalformedRequests {

    /** {@code spring.codec.max-in-memory-size} of every service (docs/security.md). */
    static final int BODY_LIMIT = 256 * 1024;

    /** A request as sent: the raw (already encoded) path and query, headers, and body bytes (null: none). */
    record MalformedRequest(Operation operation, String role, String principal, String pathAndQuery,
                            Map<String, String> headers, byte[] body, List<String> mutations) {

        String describe() {
            StringBuilder text = new StringBuilder(operation.method()).append(' ').append(abbreviate(pathAndQuery, 300))
                    .append(" as ").append(role).append(" (").append(String.join("; ", mutations)).append(')');
            headers.forEach((name, value) -> text.append("\n    ").append(name).append(": ").append(abbreviate(value, 120)));
            if (body != null) {
                text.append("\n    body (").append(body.length).append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
            }
            return text.toString();
        }
    }

    /** Ids of resources that exist, so that some requests reach the aggregate behind the checks. */
    record KnownIds(String principal, String engagementId, String ticketId) {
    }

    private enum Kind {
        WRONG_TYPE, MISSING_REQUIRED, NULL_VALUE, TOO_LONG, BAD_ENUM, BAD_FORMAT, UNKNOWN_FIELD, DEEP_NESTING,
        NOT_JSON, EMPTY_BODY, WRONG_CONTENT_TYPE, WRONG_TOP_LEVEL, TOO_LARGE, UNEXPECTED_BODY,
        BAD_PATH_VALUE, BAD_QUERY_VALUE, MISSING_REQUIRED_QUERY,
        BAD_IF_MATCH, BAD_IDEMPOTENCY_KEY, REUSED_IDEMPOTENCY_KEY, BAD_CORRELATION_ID
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One key reused with different requests: after its first use, the others must get 422. */
    private static final String REUSED_KEY = "bad-input-reused-key";

    private final Operation operation;
    private final KnownIds ids;
    private final SplittableRandom random;
    private final List<String> mutations = new ArrayList<>();
    /** Raw JSON text for markers in the body (tokens a JsonNode cannot hold: 1e400, NaN, deep nesting). */
    private final Map<String, String> rawTokens = new HashMap<>();

    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, List<String>> queryValues = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode body;
    /** When set, sent instead of the serialised body. */
    private byte[] rawBody;
    private boolean sendBody;

    private MalformedRequests(Operation operation, KnownIds ids, SplittableRandom random) {
        this.operation = operation;
        this.ids = ids;
        this.random = random;
    }

    /** Case {@code index} of {@code operation} under {@code seed}: the same three give the same request. */
    static MalformedRequest generate(Operation operation, KnownIds ids, long seed, int index) {
        long caseSeed = seed ^ (operation.toString().hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
        return new MalformedRequests(operation, ids, new SplittableRandom(caseSeed)).generate(index);
    }

    /** Case {@code index} breaks the request first in the {@code index}-th applicable way, round robin, then maybe in another. */
    private MalformedRequest generate(int index) {
        String role = pick(operation.allowedRoles());
        plausibleRequest();
        List<Kind> kinds = applicableKinds();
        Kind first = kinds.get(index % kinds.size());
        apply(first);
        if (random.nextInt(4) == 0) {
            List<Kind> others = new ArrayList<>(kinds);
            others.remove(first);
            if (!others.isEmpty()) {
                apply(pick(others));
            }
        }
        return new MalformedRequest(operation, role, ids.principal(), pathAndQuery(), Map.copyOf(headers),
                bodyBytes(), List.copyOf(mutations));
    }

    // ---- the plausible request

    private void plausibleRequest() {
        for (Parameter parameter : operation.in("path")) {
            pathValues.put(parameter.name(), encode(plausiblePathValue(parameter.name())));
        }
        for (Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextInt(3) == 0) {
                queryValues.put(parameter.name(), plausibleQueryValues(parameter));
            }
        }
        if (random.nextBoolean()) {
            headers.put("X-Correlation-Id", "bad-input-" + Long.toHexString(random.nextLong()));
        }
        if (operation.hasHeader("Idempotency-Key") && random.nextInt(3) == 0) {
            headers.put("Idempotency-Key", new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (operation.hasHeader("If-Match") && random.nextInt(4) == 0) {
            headers.put("If-Match", "*");
        }
        if (operation.body() != null) {
            body = plausible(operation.body(), "body", 0);
            sendBody = true;
            headers.put("Content-Type", "application/json");
        }
    }

    private String plausiblePathValue(String name) {
        String id = switch (name) {
            case "engagementId" -> ids.engagementId();
            case "ticketId" -> ids.ticketId();
            case "aggregateId", "caseId" -> operation.service() == Service.COORDINATION ? ids.engagementId()
                    : operation.service() == Service.REVIEW ? ids.ticketId() : null;
            case "recipient" -> ids.principal();
            case "size" -> pick(List.of("5k", "10k", "3k"));
            default -> null;
        };
        // the recipient is the caller (only they, and auditors, may use their inbox); other ids exist most times
        if (id != null && (name.equals("recipient") || random.nextInt(3) > 0)) {
            return id;
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private List<String> plausibleQueryValues(Parameter parameter) {
        JsonNode schema = operation.resolve(parameter.schema());
        if (schema.path("type").asString("").equals("array")) {
            JsonNode items = operation.resolve(schema.path("items"));
            return List.of(encode(plausibleScalar(items, parameter.name())),
                    encode(plausibleScalar(items, parameter.name())));
        }
        return List.of(encode(plausibleScalar(schema, parameter.name())));
    }

    private String plausibleScalar(JsonNode schema, String name) {
        JsonNode value = plausible(schema, name, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    private JsonNode plausible(JsonNode reference, String name, int depth) {
        JsonNode schema = operation.resolve(reference);
        if (schema.has("enum")) {
            return NODES.stringNode(pick(schema.get("enum").values()).asString());
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = strings(schema.path("required"));
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(10) < 7)) {
                        object.set(property.getKey(), plausible(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject() && !additional.isEmpty() && random.nextBoolean()) {
                    object.set("entry", plausible(additional, "entry", depth + 1));
                }
                if (!schema.has("properties") && (additional == null || additional.isEmpty())) {
                    object.put("note", "free-form");   // free-form JSON (e.g. a benchmark's results)
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), 3);
                int size = Math.max(min, Math.min(max, 1 + random.nextInt(2)));
                JsonNode items = schema.path("items");
                for (int i = 0; i < size; i++) {
                    JsonNode item = plausible(items, name, depth + 1);
                    if (!(schema.path("uniqueItems").asBoolean(false) && contains(array, item))) {
                        array.add(item);
                    }
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
                return NODES.numberNode(min + random.nextLong(Math.max(1, Math.min(max - min + 1, 1000))));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(0) + 1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(plausibleString(schema, name));
            }
        }
    }

    private String plausibleString(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String lower = name.toLowerCase(Locale.ROOT);
        String value;
        if (format.equals("date")) {
            value = "2027-09-30";
        } else if (format.equals("date-time")) {
            value = "2027-09-30T10:00:00Z";
        } else if (format.startsWith("uri") || lower.contains("url") || lower.equals("location")) {
            value = "https://gitlab.example/acme/collaboration/-/wikis/upgrade";
        } else if (lower.contains("email")) {
            value = "ops@acme.example";
        } else if (lower.contains("timezone")) {
            value = "Europe/Berlin";
        } else if (lower.endsWith("time")) {
            value = "02:00:00";
        } else if (lower.contains("version") || lower.equals("upgradepath")) {
            value = pick(List.of("16.3.9", "17.3.7", "17.11.1"));
        } else if (lower.equals("from") || lower.equals("to")) {
            value = lower.equals("from") ? "16.3.9" : "17.3.7";
        } else if (lower.equals("csm") || lower.equals("principal") || lower.equals("assignee")) {
            value = ids.principal();
        } else {
            value = "bad-input " + name;
        }
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    // ---- what can be broken

    private List<Kind> applicableKinds() {
        List<Kind> kinds = new ArrayList<>();
        if (operation.body() != null) {
            kinds.addAll(List.of(Kind.WRONG_TYPE, Kind.NULL_VALUE, Kind.TOO_LONG, Kind.BAD_FORMAT, Kind.UNKNOWN_FIELD,
                    Kind.DEEP_NESTING, Kind.NOT_JSON, Kind.EMPTY_BODY, Kind.WRONG_CONTENT_TYPE, Kind.WRONG_TOP_LEVEL,
                    Kind.TOO_LARGE));
            if (!slots(slot -> slot.required).isEmpty()) {
                kinds.add(Kind.MISSING_REQUIRED);
            }
            if (!slots(slot -> slot.schema.has("enum")).isEmpty()) {
                kinds.add(Kind.BAD_ENUM);
            }
        } else if (operation.isCommand()) {
            kinds.add(Kind.UNEXPECTED_BODY);
        }
        if (!operation.in("path").isEmpty()) {
            kinds.add(Kind.BAD_PATH_VALUE);
        }
        if (!operation.in("query").isEmpty()) {
            kinds.add(Kind.BAD_QUERY_VALUE);
            if (operation.in("query").stream().anyMatch(Parameter::required)) {
                kinds.add(Kind.MISSING_REQUIRED_QUERY);
            }
        }
        if (operation.hasHeader("If-Match")) {
            kinds.add(Kind.BAD_IF_MATCH);
        }
        if (operation.hasHeader("Idempotency-Key")) {
            kinds.add(Kind.BAD_IDEMPOTENCY_KEY);
            kinds.add(Kind.REUSED_IDEMPOTENCY_KEY);
        }
        kinds.add(Kind.BAD_CORRELATION_ID);
        return kinds;
    }

    private void apply(Kind kind) {
        switch (kind) {
            case WRONG_TYPE -> mutateSlot(slot -> true, slot -> {
                JsonNode wrong = wrongType(slot.schema);
                slot.set(wrong);
                return slot.label + " := " + abbreviate(wrong.toString(), 40);
            });
            case MISSING_REQUIRED -> mutateSlot(slot -> slot.required && slot.present(), slot -> {
                slot.remove();
                return "without required " + slot.label;
            });
            case NULL_VALUE -> {
                if (random.nextInt(6) == 0) {
                    rawBody = "null".getBytes(StandardCharsets.UTF_8);
                    mutations.add("body null");
                } else {
                    mutateSlot(slot -> true, slot -> {
                        slot.set(NODES.nullNode());
                        return slot.label + " := null";
                    });
                }
            }
            case TOO_LONG -> mutateSlot(slot -> isString(slot.schema), slot -> {
                int maxLength = slot.schema.path("maxLength").asInt(-1);
                int length = maxLength >= 0 ? maxLength + 1 + random.nextInt(Math.max(1, Math.min(maxLength, 20_000)) + 1)
                        : 10_000 + random.nextInt(150_000);
                slot.set(NODES.stringNode(longText(length)));
                return slot.label + " := " + length + " characters (maxLength " + (maxLength < 0 ? "none" : maxLength) + ")";
            });
            case BAD_ENUM -> mutateSlot(slot -> slot.schema.has("enum"), slot -> {
                String allowed = pick(slot.schema.get("enum").values()).asString();
                String bad = pick(List.of("NOT_" + allowed, allowed.toLowerCase(Locale.ROOT), " " + allowed, allowed + " ",
                        "", "null", "0", allowed.replace('_', '-'), "ÜBER", allowed + "\u0000"));
                slot.set(NODES.stringNode(bad));
                return slot.label + " := enum " + JSON.writeValueAsString(bad);
            });
            case BAD_FORMAT -> mutateSlot(slot -> !slot.schema.isEmpty(), slot -> {
                String raw = badValue(slot.schema, slot.hint());
                slot.set(raw(raw));
                return slot.label + " := " + abbreviate(raw, 60);
            });
            case UNKNOWN_FIELD -> {
                List<ObjectNode> objects = new ArrayList<>();
                if (rawBody == null && body instanceof ObjectNode root) {
                    objects.add(root);
                    slots(slot -> slot.present() && slot.value().isObject())
                            .forEach(slot -> objects.add((ObjectNode) slot.value()));
                }
                String name = pick(List.of("unexpected", "id", "version", "__proto__", "actor", "recorded", "ÿ", ""));
                if (objects.isEmpty()) {
                    rawBody = ("{" + JSON.writeValueAsString(name) + ":\"surprise\"}").getBytes(StandardCharsets.UTF_8);
                } else {
                    pick(objects).put(name, "surprise");
                }
                mutations.add("unknown field " + JSON.writeValueAsString(name));
            }
            case DEEP_NESTING -> {
                int depth = pick(List.of(600, 1_100, 5_000, 60_000));
                String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                if (random.nextBoolean() || slots(slot -> true).isEmpty()) {
                    rawBody = nested.getBytes(StandardCharsets.UTF_8);
                    mutations.add("body nested " + depth + " deep");
                } else {
                    mutateSlot(slot -> true, slot -> {
                        slot.set(raw(nested));
                        return slot.label + " := nested " + depth + " deep";
                    });
                }
            }
            case NOT_JSON -> {
                rawBody = notJson();
                headers.put("Content-Type", "application/json");
            }
            case EMPTY_BODY -> {
                rawBody = new byte[0];
                if (random.nextBoolean()) {
                    headers.remove("Content-Type");
                    mutations.add("empty body, no Content-Type");
                } else {
                    mutations.add("empty body");
                }
            }
            case WRONG_CONTENT_TYPE -> {
                String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=x", "application/octet-stream",
                        "garbage", "application/", "*/*", "application/json; charset=bogus-charset",
                        "application/json; charset=UTF-16", "application/json;;;", "text/json", "application/problem+json",
                        "application/json-patch+json", "application/x-ndjson", "text/event-stream"));
                headers.put("Content-Type", type);
                mutations.add("Content-Type " + type);
            }
            case WRONG_TOP_LEVEL -> {
                String replacement = pick(List.of("[]", "[{}]", "42", "-1.5", "\"text\"", "true", "{}", "[null]"));
                if (replacement.equals("[{}]") && body != null) {
                    replacement = "[" + serialisedBody() + "]";
                }
                rawBody = replacement.getBytes(StandardCharsets.UTF_8);
                mutations.add("body " + abbreviate(replacement, 40));
            }
            case TOO_LARGE -> {
                int size = BODY_LIMIT + 1 + random.nextInt(3 * BODY_LIMIT);
                mutateSlotOrBody(size);
            }
            case UNEXPECTED_BODY -> {
                rawBody = pick(List.of("{\"unexpected\":true}", "not json", "[[[[", "{}"))
                        .getBytes(StandardCharsets.UTF_8);
                String type = pick(List.of("application/json", "text/plain", "garbage"));
                headers.put("Content-Type", type);
                mutations.add("unexpected " + type + " body");
            }
            case BAD_PATH_VALUE -> {
                Parameter parameter = pick(operation.in("path"));
                String bad = pick(List.of("%00", "%FF%FE", "..", "%2E%2E", ".", "%2F", "a%2Fb", "%20", "%25", "%3B",
                        ";matrix=1", "null", "undefined", "-1", "0", "99999999999999999999999", "%7B%7D",
                        "%E2%80%AE", "%F0%9F%92%A3", "'%20OR%201%3D1--", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "*", "~",
                        "%C3%28", "%0D%0AX-Injected:%201", "%zz", "%", "a%2", "a".repeat(300), longPathValue(3_000)));
                pathValues.put(parameter.name(), bad);
                mutations.add("path " + parameter.name() + " = " + abbreviate(bad, 40) + " (" + bad.length() + " chars)");
            }
            case BAD_QUERY_VALUE -> {
                Parameter parameter = pick(operation.in("query"));
                JsonNode schema = operation.resolve(parameter.schema());
                if (schema.path("type").asString("").equals("array")) {
                    schema = operation.resolve(schema.path("items"));
                }
                String bad = random.nextInt(4) == 0 ? pick(List.of("%00", "%FF", "%", "%zz", "%C3%28", "&&&", "=", "a=b=c"))
                        : encode(badQueryValue(schema, parameter.name()));
                List<String> values = random.nextInt(5) == 0
                        ? List.of(bad, encode(plausibleScalar(schema, parameter.name()))) : List.of(bad);
                queryValues.put(parameter.name(), values);
                mutations.add("query " + parameter.name() + " = " + abbreviate(String.join(" & ", values), 60));
            }
            case MISSING_REQUIRED_QUERY -> {
                Parameter parameter = pick(operation.in("query").stream().filter(Parameter::required).toList());
                queryValues.remove(parameter.name());
                mutations.add("without required query " + parameter.name());
            }
            case BAD_IF_MATCH -> {
                String bad = pick(List.of("\"abc\"", "W/\"1\"", "\"-1\"", "-1", "\"99999999999999999999\"", "\"1\", \"2\"",
                        "\"\"", "\"", "1.5", "9".repeat(400), "\"0\"", "\" 1\"", "**", "null", "ÿ", "0x10", "\"1",
                        "\"" + "7".repeat(19) + "\""));
                headers.put("If-Match", bad);
                mutations.add("If-Match " + abbreviate(bad, 40));
            }
            case BAD_IDEMPOTENCY_KEY -> {
                String bad = pick(List.of("", " ", "has space", "a/b", "k".repeat(201), "k".repeat(4_000), "é", "key\ttab",
                        "{}", "<script>", "ÿÿ", "a,b"));
                headers.put("Idempotency-Key", bad);
                mutations.add("Idempotency-Key " + abbreviate(bad, 40) + " (" + bad.length() + " chars)");
            }
            case REUSED_IDEMPOTENCY_KEY -> {
                headers.put("Idempotency-Key", REUSED_KEY);
                mutations.add("Idempotency-Key reused across requests");
            }
            case BAD_CORRELATION_ID -> {
                String bad = pick(List.of("c".repeat(101), "c".repeat(4_000), "", "has space", "ü", "<script>", "a/b",
                        "x\ty", "ÿ".repeat(50)));
                headers.put("X-Correlation-Id", bad);
                mutations.add("X-Correlation-Id " + abbreviate(bad, 40) + " (" + bad.length() + " chars)");
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void mutateSlotOrBody(int size) {
        List<Slot> strings = slots(slot -> isString(slot.schema));
        if (strings.isEmpty() || random.nextBoolean()) {
            rawBody = ("{\"padding\":\"" + longText(size) + "\"}").getBytes(StandardCharsets.UTF_8);
            mutations.add("body of " + rawBody.length + " bytes");
        } else {
            Slot slot = pick(strings);
            slot.set(NODES.stringNode("x".repeat(size)));
            mutations.add(slot.label + " := " + size + " characters, body over the size limit");
        }
    }

    private void mutateSlot(java.util.function.Predicate<Slot> which, java.util.function.Function<Slot, String> how) {
        List<Slot> candidates = slots(which);
        if (!candidates.isEmpty()) {
            mutations.add(how.apply(pick(candidates)));
        } else if (mutations.isEmpty()) {
            rawBody = notJson();   // no place of that kind in this body: break it otherwise
        }
        // a second mutation whose places the first one took away is left out
    }

    // ---- bad values

    private JsonNode wrongType(JsonNode schema) {
        String type = schema.has("enum") ? "string" : schema.path("type").asString(schema.has("properties") ? "object" : "string");
        List<JsonNode> candidates = new ArrayList<>();
        if (!type.equals("string")) {
            candidates.add(NODES.stringNode("text"));
            candidates.add(NODES.stringNode(""));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            candidates.add(NODES.numberNode(42));
            candidates.add(NODES.numberNode(-1.5));
        }
        if (!type.equals("boolean")) {
            candidates.add(NODES.booleanNode(true));
        }
        if (!type.equals("array")) {
            candidates.add(NODES.arrayNode().add("x").add(1));
            candidates.add(NODES.arrayNode());
        }
        if (!type.equals("object")) {
            candidates.add(NODES.objectNode().put("x", 1));
            candidates.add(NODES.objectNode());
        }
        return pick(candidates);
    }

    /** Raw JSON text of a value that breaks the schema's type, format or bounds. */
    private String badValue(JsonNode schema, String name) {
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        List<String> values = new ArrayList<>();
        switch (type) {
            case "integer" -> {
                if (schema.has("minimum")) {
                    values.add(String.valueOf(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(String.valueOf(schema.get("maximum").asLong() + 1));
                }
                values.addAll(List.of("2147483648", "-2147483649", "9223372036854775808", "-99999999999999999999999",
                        "1.5", "1e400", "\"12\"", "0x10", "NaN", "\"\"", "1".repeat(2_000), "-0", "01"));
            }
            case "number" -> {
                if (schema.has("minimum")) {
                    values.add(String.valueOf(schema.get("minimum").asDouble() - 1));
                }
                values.addAll(List.of("1e400", "-1e400", "NaN", "Infinity", "\"3.5\"", "1." + "5".repeat(2_000), ".5"));
            }
            case "boolean" -> values.addAll(List.of("\"true\"", "1", "TRUE", "yes", "\"\""));
            case "array" -> values.addAll(List.of("[" + "\"x\",".repeat(200) + "\"x\"]", "[[]]", "[null]", "[1,]"));
            case "object" -> values.addAll(List.of("{\"\":null}", "{\"a\":}", "{1:2}"));
            default -> values.addAll(badStrings(format, name.toLowerCase(Locale.ROOT)));
        }
        return pick(values);
    }

    private List<String> badStrings(String format, String name) {
        List<String> values = new ArrayList<>(List.of("\"\"", "\" \"", "\"\\u0000\"", "\"nul\\u0000inside\"",
                "\"\\ud800\"", "\"\\udfff lone\"", "\"\u202Eright-to-left\"", "\"${jndi:ldap://x}\"",
                "\"<script>alert(1)</script>\"", "\"'; drop table domainevententry; --\"", "\"\\n\\r\\t\"",
                "\"%00%ff\"", "\"\\\\\\\\\""));
        if (format.equals("date")) {
            values.addAll(List.of("\"2027-02-30\"", "\"2027-13-01\"", "\"30.09.2027\"", "\"2027-9-3\"",
                    "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"0000-00-00\"", "\"2027-09-30T10:00:00Z\"",
                    "\"yesterday\"", "20270930"));
        } else if (format.equals("date-time")) {
            values.addAll(List.of("\"2027-09-30\"", "\"2027-13-01T00:00:00Z\"", "\"2027-09-30T25:00:00Z\"",
                    "\"2027-09-30T10:00:00+25:00\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
                    "\"tomorrow\"", "1790000000000", "\"2027-09-30 10:00\""));
        } else if (format.startsWith("uri") || name.contains("url") || name.equals("location")) {
            values.addAll(List.of("\"javascript:alert(1)\"", "\"http://\"", "\"::\"", "\"https://[::1\"",
                    "\"file:///etc/passwd\"", "\"http://exa mple.com\"", "\"" + "https://x/" + "a".repeat(5_000) + "\""));
        } else if (name.contains("email")) {
            values.addAll(List.of("\"not-an-email\"", "\"@\"", "\"a@\"", "\"a@b@c\"", "\"" + "a".repeat(300) + "@x.example\""));
        } else if (name.contains("timezone")) {
            values.addAll(List.of("\"Mars/Olympus\"", "\"UTC+99\"", "\"GMT+25:00\"", "\"+18:01\"", "\"europe/berlin\"",
                    "\"Z\"", "\"SystemV/EST5\""));
        } else if (name.endsWith("time")) {
            values.addAll(List.of("\"25:00\"", "\"12:60:00\"", "\"noon\"", "\"24:00:00\"", "\"-01:00\"",
                    "\"02:00:00.9999999999\"", "\"2pm\""));
        } else if (name.contains("version") || name.equals("upgradepath")) {
            values.addAll(List.of("\"17\"", "\"17.x\"", "\"v17.3.7\"", "\"99999999999999999999.0.0\"",
                    "\"17.3.7.1.2\"", "\"-1.0.0\"", "\"17..3\"", "\"1e3.0.0\""));
        }
        return values;
    }

    /** A query value (unencoded) that breaks the parameter's type, format or enum, or is very long. */
    private String badQueryValue(JsonNode schema, String name) {
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        List<String> values = new ArrayList<>(List.of("", " ", "x".repeat(300), longText(3_000), "null", "ÿ",
                "<script>", "${jndi:ldap://x}", "'; --"));
        if (schema.has("enum")) {
            String allowed = pick(schema.get("enum").values()).asString();
            values.addAll(List.of("NOT_" + allowed, allowed.toLowerCase(Locale.ROOT), allowed + "," + allowed, "*"));
        }
        if (type.equals("integer")) {
            values.addAll(List.of("abc", "1.5", "-1", "0", "99999999999999999999", "2147483648", "-2147483649",
                    "9223372036854775808", "1e3", "0x10", " 7", "NaN", "+5", "-0"));
        } else if (format.equals("date")) {
            values.addAll(List.of("2027-02-30", "2027-13-01", "30.09.2027", "+999999999-12-31", "2027-09-30T10:00:00Z"));
        } else if (format.equals("date-time")) {
            values.addAll(List.of("2027-09-30", "2027-13-01T00:00:00Z", "2027-09-30T25:00:00Z",
                    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2027-09-30T10:00:00+25:00", "now"));
        } else {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("date")) {
                values.addAll(List.of("2027-02-30", "2027-13-01", "tomorrow", "+999999999-12-31"));
            }
            if (lower.startsWith("has")) {
                values.addAll(List.of("yes", "TRUE", "1", "maybe"));
            }
            if (lower.equals("from") || lower.equals("to")) {
                values.addAll(List.of("17", "17.x", "v17.3.7", "99999999999999999999.0.0", "17.3.7.1", "-1.0.0",
                        "17..3", "0.0.0", "99.99.99"));
            }
            values.addAll(List.of("NOT_A_VALUE", "-1", "0", "%", "a&b=c"));
        }
        return pick(values);
    }

    private byte[] notJson() {
        int choice = random.nextInt(11);
        String text = switch (choice) {
            case 0 -> "this is not JSON";
            case 1 -> "<?xml version=\"1.0\"?><engagement/>";
            case 2 -> {
                String valid = serialisedBody();
                yield valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            }
            case 3 -> serialisedBody() + "}}";
            case 4 -> "{'single': 'quotes'}";
            case 5 -> "{\"a\":1,}";
            case 6 -> "/* comment */ " + serialisedBody();
            case 7 -> "\uFEFF" + serialisedBody();
            case 8 -> "{\"a\":1}{\"b\":2}";
            case 9 -> "{\"a\":\"\\x\"}";
            default -> null;
        };
        byte[] bytes;
        if (text == null) {
            bytes = new byte[1 + random.nextInt(200)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            mutations.add("body of random bytes");
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            mutations.add("body not JSON: " + abbreviate(text, 40));
        }
        return bytes;
    }

    // ---- the body's places

    /** A place in the body: a property of an object (present or not) or an element of an array. */
    private final class Slot {
        final JsonNode container;
        final String name;
        final int index;
        final JsonNode schema;
        final boolean required;
        final String label;

        Slot(JsonNode container, String name, int index, JsonNode schema, boolean required, String label) {
            this.container = container;
            this.name = name;
            this.index = index;
            this.schema = schema;
            this.required = required;
            this.label = label;
        }

        /** The property's name, or for an element of an array the array's: what the value means. */
        String hint() {
            return label.replaceAll("(\\[\\d+])+$", "").replaceAll(".*\\.", "");
        }

        boolean present() {
            return index >= 0 || container.has(name);
        }

        JsonNode value() {
            return index >= 0 ? container.get(index) : container.get(name);
        }

        void set(JsonNode value) {
            if (index >= 0) {
                ((ArrayNode) container).set(index, value);
            } else {
                ((ObjectNode) container).set(name, value);
            }
        }

        void remove() {
            if (index >= 0) {
                ((ArrayNode) container).remove(index);
            } else {
                ((ObjectNode) container).remove(name);
            }
        }
    }

    private List<Slot> slots(java.util.function.Predicate<Slot> which) {
        List<Slot> slots = new ArrayList<>();
        if (body != null && rawBody == null) {
            collect(body, operation.resolve(operation.body()), "", slots::add);
        }
        return slots.stream().filter(which).toList();
    }

    private void collect(JsonNode node, JsonNode schema, String label, Consumer<Slot> slots) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject() && schema.has("properties")) {
            List<String> required = strings(schema.path("required"));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                JsonNode propertySchema = operation.resolve(property.getValue());
                String propertyLabel = label.isEmpty() ? property.getKey() : label + "." + property.getKey();
                slots.accept(new Slot(node, property.getKey(), -1, propertySchema, required.contains(property.getKey()),
                        propertyLabel));
                collect(node.get(property.getKey()), propertySchema, propertyLabel, slots);
            }
        } else if (node.isArray() && schema.has("items")) {
            JsonNode items = operation.resolve(schema.get("items"));
            for (int i = 0; i < node.size(); i++) {
                slots.accept(new Slot(node, null, i, items, false, label + "[" + i + "]"));
                collect(node.get(i), items, label + "[" + i + "]", slots);
            }
        }
    }

    // ---- assembling the request

    private JsonNode raw(String text) {
        String marker = "__raw_" + rawTokens.size() + "_" + Long.toHexString(random.nextLong()) + "__";
        rawTokens.put("\"" + marker + "\"", text);
        return NODES.stringNode(marker);
    }

    private String serialisedBody() {
        String text = body == null ? "{}" : JSON.writeValueAsString(body);
        for (Map.Entry<String, String> token : rawTokens.entrySet()) {
            text = text.replace(token.getKey(), token.getValue());
        }
        return text;
    }

    private byte[] bodyBytes() {
        if (rawBody != null) {
            return rawBody;
        }
        return sendBody ? serialisedBody().getBytes(StandardCharsets.UTF_8) : null;
    }

    private String pathAndQuery() {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : queryValues.entrySet()) {
            for (String value : parameter.getValue()) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.getKey()).append('=').append(value);
            }
        }
        return path + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isString(JsonNode schema) {
        return schema.path("type").asString("").equals("string");
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.values().forEach(value -> strings.add(value.asString()));
        return strings;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode element : array.values()) {
            if (element.equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** Text of {@code length} characters, some outside ASCII (two and three UTF-8 bytes). */
    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 äöüßéœ€中文";
        while (text.length() < length) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String longPathValue(int length) {
        return "p".repeat(length);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(java.util.Collection<T> values) {
        return pick(new ArrayList<>(values));
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + oneLine.length() + " chars)";
    }
}
