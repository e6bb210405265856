package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.local.LocalStack.Service;
import com.upgradecoordination.systemtests.DocumentedOperations.Operation;
import com.upgradecoordination.systemtests.MalformedRequests.KnownIds;
import com.upgradecoordination.systemtests.MalformedRequests.MalformedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input stays 4xx (issue 12): every operation of the three committed OpenAPI documents gets
 * generated malformed requests ({@link MalformedRequests}) with a token of a role the operation
 * allows, against all three services on fresh PostgreSQL databases and an in-JVM broker. For every
 * request: an answer within {@link #BOUND} (no answer is a hang, a failure), never a 5xx, a 4xx is
 * {@code application/problem+json} naming its status, and a refused request stores nothing.
 *
 * <p>"Stores nothing": each service's {@code domainevententry} is counted before and after each
 * request. When a refused request's count changed, the new rows are read: a row the request caused
 * (its metadata's causation id is the request's {@code X-Request-Id}, or it has none) fails the
 * test; rows caused by something else (the Kafka consequences of an earlier request the generator
 * happened to make valid, which was answered 2xx and may store) are not the request's doing. A
 * generated request may be valid (say, only its X-Correlation-Id was bad, which is ignored): a 2xx
 * is then fine and not a refusal, as is a 409 that says {@code "recorded": true} (a refusal kept in
 * the case's history by design, docs/architecture.md "Refused commands").
 *
 * <p>Generated with JUnit's dynamic tests and a seeded {@link java.util.SplittableRandom} per case,
 * not with jqwik: jqwik 1.10 is a JUnit Platform 1.x engine while this build runs Platform 6.
 * Reproducible: {@code -DbadInput.seed} (default fixed), more cases with
 * {@code -DbadInput.casesPerOperation} (default {@value #DEFAULT_CASES}).
 */
class BadInputStays4xxIT {

    static final int DEFAULT_CASES = 40;
    static final long SEED = Long.getLong("badInput.seed", 20_261_201L);
    static final int CASES = Integer.getInteger("badInput.casesPerOperation", DEFAULT_CASES);
    /** Far above any answer seen here (a refusal takes milliseconds); only a request left unanswered reaches it. */
    static final Duration BOUND = Duration.ofSeconds(Long.getLong("badInput.responseBoundSeconds", 10));
    /** How long the read models get to catch up with the events of the accepted requests. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    /** How much longer a request left unanswered at the bound is watched, to tell a late answer from none. */
    private static final Duration LATE = Duration.ofSeconds(30);

    private static final String PRINCIPAL = "bad.input";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Set<Integer> TRANSPORT_REFUSALS = Set.of(400, 414, 431);

    static RunningStack running;
    static HttpClient http;
    static final Map<Service, Connection> eventStores = new EnumMap<>(Service.class);
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    static KnownIds ids;

    static final Map<String, Integer> statuses = new TreeMap<>();
    static int requests;
    static int accepted;
    static int refusedBelowTheApplication;
    static int foreignRowsSeen;
    static long started;

    @BeforeAll
    static void start() throws Exception {
        running = RunningStack.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(BOUND).build();
        for (Service service : Service.values()) {
            Environment environment = running.stack.context(service).getEnvironment();
            eventStores.put(service, DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                    environment.getRequiredProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password", "")));
        }
        ids = new KnownIds(PRINCIPAL, openEngagement(), openTicket());
        started = System.nanoTime();
    }

    @AfterAll
    static void stop() throws SQLException {
        System.out.printf("BadInputStays4xxIT: seed %d, %d cases per operation, %d requests in %d s; statuses %s; "
                        + "%d accepted (valid after all); %d refused below the application (no problem+json); "
                        + "%d requests saw rows of other causes%n",
                SEED, CASES, requests, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), statuses, accepted,
                refusedBelowTheApplication, foreignRowsSeen);
        for (Connection connection : eventStores.values()) {
            connection.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationRefusesBadInputWith4xx() {
        List<Operation> operations = DocumentedOperations.all();
        for (Service service : Service.values()) {
            assertThat(operations).as("operations of %s", service).anyMatch(operation -> operation.service() == service);
        }
        Stream<DynamicTest> perOperation = operations.stream().map(operation ->
                DynamicTest.dynamicTest(operation.toString(), () -> sendBrokenRequestsTo(operation)));
        return Stream.concat(perOperation, Stream.of(DynamicTest.dynamicTest(
                "afterwards every read model and relay has caught up with the event store",
                BadInputStays4xxIT::everyProcessorCatchesUp)));
    }

    private static void sendBrokenRequestsTo(Operation operation) throws Exception {
        List<String> violations = new ArrayList<>();
        for (int index = 0; index < CASES; index++) {
            MalformedRequest request = MalformedRequests.generate(operation, ids, SEED, index);
            String violation = check(request);
            if (violation != null) {
                violations.add("case " + index + ": " + violation + "\n  " + request.describe());
            }
        }
        if (!violations.isEmpty()) {
            fail("%d of %d requests to %s broke the rules (seed %d):%n%s", violations.size(), CASES, operation, SEED,
                    String.join("\n", violations));
        }
    }

    /**
     * A request the generator happened to make valid is stored; its events must not stop a read
     * model (a text a projection cannot write once left one retrying behind every later event).
     */
    private static void everyProcessorCatchesUp() {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(processorsBehind())
                .as("processors in error or behind %d s after the last request", CATCH_UP.toSeconds())
                .isEmpty());
    }

    /** Every service's processors that are in error or not yet at the head of their store. */
    private static List<String> processorsBehind() throws IOException, InterruptedException {
        List<String> behind = new ArrayList<>();
        for (Service service : Service.values()) {
            HttpResponse<String> progress = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + running.stack.port(service) + "/audit/read-models"))
                    .header("Authorization", "Bearer " + TestTokens.token(PRINCIPAL, "SUPPORT_MANAGER"))
                    .timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(progress.statusCode()).as("GET /audit/read-models of %s", service).isEqualTo(200);
            for (JsonNode processor : JSON.readTree(progress.body()).values()) {
                if (processor.path("state").asString().equals("ERROR")
                        || processor.path("eventsDone").asLong() < processor.path("eventsTotal").asLong()) {
                    behind.add(service.serviceName() + " " + processor);
                }
            }
        }
        return behind;
    }

    /** Sends the request; the rule it broke, or null. */
    private static String check(MalformedRequest request) throws Exception {
        Map<Service, long[]> before = eventCounts();
        hang = null;
        Answer answer = send(request);
        requests++;
        if (answer == null) {
            return "no answer within " + BOUND.toSeconds() + " s (a hang)" + (hang == null ? "" : "; " + hang);
        }
        statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        if (answer.status() >= 500) {
            return "answered " + answer.status() + ": " + MalformedRequests.abbreviate(answer.body(), 400);
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            accepted++;
            return null;
        }
        if (answer.status() < 400) {
            return "answered " + answer.status() + ", neither a success nor a refusal";
        }
        if (answer.requestId() == null) {
            // Refused below the application, before its first filter (RequestAudit, which puts X-Request-Id on
            // every answer) ran: reactor-netty for a request line or headers past its limits (414, 431), Spring's
            // Reactor adapter for a URL java.net.URI cannot parse (400, e.g. a malformed percent escape). Both
            // answer with an empty body that the application has no hook to turn into problem+json.
            if (!TRANSPORT_REFUSALS.contains(answer.status()) || !answer.body().isEmpty()) {
                return "answered " + answer.status() + " without X-Request-Id (so not by the application) and "
                        + "with body " + MalformedRequests.abbreviate(answer.body(), 200);
            }
            refusedBelowTheApplication++;
            return storedByRefusal(request, answer, before);
        }
        String problem = problemViolation(answer);
        if (problem != null) {
            return problem;
        }
        if (answer.status() == 409 && recorded(answer)) {
            accepted++;   // a recorded refusal: its ...Refused event is stored by design (D11)
            return null;
        }
        return storedByRefusal(request, answer, before);
    }

    private static String problemViolation(Answer answer) {
        MediaType type;
        try {
            type = answer.contentType() == null ? null : MediaType.parseMediaType(answer.contentType());
        } catch (RuntimeException unparsable) {
            type = null;
        }
        if (type == null || !PROBLEM.equalsTypeAndSubtype(type)) {
            return "answered " + answer.status() + " as " + answer.contentType() + ", not " + PROBLEM + ": "
                    + MalformedRequests.abbreviate(answer.body(), 200);
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body.path("status").asInt(-1) != answer.status()) {
                return "answered " + answer.status() + " with a problem of status " + body.path("status") + ": "
                        + MalformedRequests.abbreviate(answer.body(), 200);
            }
        } catch (RuntimeException unreadable) {
            return "answered " + answer.status() + " with a problem body that is not JSON: "
                    + MalformedRequests.abbreviate(answer.body(), 200);
        }
        return null;
    }

    private static boolean recorded(Answer answer) {
        try {
            return JSON.readTree(answer.body()).path("recorded").asBoolean(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String storedByRefusal(MalformedRequest request, Answer answer, Map<Service, long[]> before)
            throws SQLException {
        Map<Service, long[]> after = eventCounts();
        List<String> stored = new ArrayList<>();
        boolean foreign = false;
        for (Service service : Service.values()) {
            long[] was = before.get(service);
            if (after.get(service)[0] == was[0]) {
                continue;
            }
            for (StoredEvent event : eventsAfter(service, was[1])) {
                if (event.causationId() == null || event.causationId().equals(answer.requestId())) {
                    stored.add(service.serviceName() + ": " + event);
                } else {
                    foreign = true;
                }
            }
        }
        if (foreign) {
            foreignRowsSeen++;
        }
        return stored.isEmpty() ? null
                : "refused with " + answer.status() + " yet stored " + stored + ": "
                        + MalformedRequests.abbreviate(answer.body(), 200);
    }

    // ---- HTTP

    private record Answer(int status, String contentType, String body, String requestId) {
    }

    /** The answer, or null when none came within {@link #BOUND}. */
    private static Answer send(MalformedRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int port = running.stack.port(request.operation().service());
        String token = "Bearer " + tokens.computeIfAbsent(request.role(),
                role -> TestTokens.token(request.principal(), role));
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + request.pathAndQuery());
        } catch (IllegalArgumentException notAUri) {
            // a target java.net.URI refuses (a malformed percent escape): written as it is
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.put("Authorization", token);
            RawHttp.Response raw = RawHttp.send(port, request.operation().method(), request.pathAndQuery(), headers,
                    request.body(), BOUND);
            return raw == null ? null : new Answer(raw.status(), raw.headers().get("content-type"),
                    new String(raw.body(), StandardCharsets.UTF_8), raw.headers().get("x-request-id"));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Authorization", token);
        request.headers().forEach(builder::header);
        CompletableFuture<HttpResponse<InputStream>> sent =
                http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = sent.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException unanswered) {
            hang = diagnoseHang(sent);
            return null;
        } catch (ExecutionException failed) {
            throw new IOException("Sending " + request.describe(), failed.getCause());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        InputStream stream = response.body();
        if (response.statusCode() < 300 && contentType != null && contentType.startsWith("text/event-stream")) {
            stream.close();   // a live stream: its headers are the answer
            return new Answer(response.statusCode(), contentType, "", requestId);
        }
        CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            byte[] bytes = body.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), contentType, new String(bytes, StandardCharsets.UTF_8),
                    requestId);
        } catch (TimeoutException unfinished) {
            hang = "its status and headers came, its body did not end";
            stream.close();
            return null;
        } catch (ExecutionException failed) {
            throw new IOException("Reading the answer to " + request.describe(), failed.getCause());
        }
    }

    /** What became of a request left unanswered at the bound; the server threads of that moment go to the log. */
    static String hang;

    private static String diagnoseHang(CompletableFuture<HttpResponse<InputStream>> sent) throws InterruptedException {
        StringBuilder dump = new StringBuilder("BadInputStays4xxIT: threads when a request was left unanswered:\n");
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().contains("reactor-http") || thread.getName().contains("boundedElastic")) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(frames.length, 12); i++) {
                    dump.append("    at ").append(frames[i]).append('\n');
                }
            }
        });
        System.out.println(dump);
        try {
            HttpResponse<InputStream> late = sent.get(LATE.toSeconds(), TimeUnit.SECONDS);
            late.body().close();
            return "it was answered " + late.statusCode() + " later, within " + LATE.toSeconds() + " s more";
        } catch (TimeoutException never) {
            sent.cancel(true);
            return "still unanswered " + LATE.toSeconds() + " s later (threads at the bound in the test log)";
        } catch (ExecutionException | IOException failed) {
            return "then failed: " + failed;
        }
    }

    // ---- the event stores

    /** Per service: the number of rows of domainevententry and the highest global index. */
    private static Map<Service, long[]> eventCounts() throws SQLException {
        Map<Service, long[]> counts = new EnumMap<>(Service.class);
        for (Map.Entry<Service, Connection> store : eventStores.entrySet()) {
            try (PreparedStatement query = store.getValue().prepareStatement(
                    "SELECT count(*), coalesce(max(globalindex), 0) FROM domainevententry");
                 ResultSet row = query.executeQuery()) {
                row.next();
                counts.put(store.getKey(), new long[] {row.getLong(1), row.getLong(2)});
            }
        }
        return counts;
    }

    private record StoredEvent(long globalIndex, String aggregate, String type, String causationId) {
    }

    private static List<StoredEvent> eventsAfter(Service service, long globalIndex) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement query = eventStores.get(service).prepareStatement(
                "SELECT globalindex, aggregateidentifier, payloadtype, metadata FROM domainevententry "
                        + "WHERE globalindex > ? ORDER BY globalindex")) {
            query.setLong(1, globalIndex);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    byte[] metadata = row.getBytes(4);
                    String causation = null;
                    if (metadata != null) {
                        JsonNode causationId = JSON.readTree(metadata).get("causationId");
                        causation = causationId == null || causationId.isNull() ? null : causationId.asString();
                    }
                    events.add(new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), causation));
                }
            }
        }
        return events;
    }

    // ---- resources that exist, so that requests also reach the aggregates

    private static String openEngagement() {
        JsonNode created = running.as(Service.COORDINATION, PRINCIPAL, "CSM").post().uri("/engagements")
                .bodyValue(Map.of("customerOrganisation", "Bad Input Corp", "csm", PRINCIPAL,
                        "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("engagementId").asString();
    }

    private static String openTicket() throws IOException {
        String request = Files.readString(Path.of("..", "deploy", "local", "examples", "upgrade-assistance-request.json"));
        JsonNode created = running.as(Service.REVIEW, PRINCIPAL, "INTEGRATION").post().uri("/tickets")
                .bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("ticketId").asString();
    }
}
