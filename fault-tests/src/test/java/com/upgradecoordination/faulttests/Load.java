package com.upgradecoordination.faulttests;

import com.upgradecoordination.faulttests.FaultStack.Node;
import com.upgradecoordination.faulttests.Http.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Virtual users that drive the whole flow while faults come and go: an engagement opened, its
 * requirements, a deviating plan, the deviation process a-e, a support review requested; review-
 * service opens it from Kafka and a Senior Support Engineer completes it; the verdict comes back to
 * coordination-service; with a supportable verdict the last steps accept the deviation. Every
 * command carries an Idempotency-Key and is sent again with it after a connection error, no answer,
 * a server error or a busy key, on the other coordination instance where there is one.
 */
final class Load {

    static final String CSM = "casey.csm";
    static final Duration STEP_DEADLINE = Duration.ofSeconds(180);
    static final List<String> VERDICTS = List.of("SUPPORTABLE", "SUPPORTABLE_WITH_CHANGES", "NOT_SUPPORTABLE");

    static final List<Map<String, Object>> DEVIATING_10K_PLAN = List.of(
            component("external-load-balancer", 1, 4, 3.6), component("consul", 3, 2, 1.8),
            component("postgresql", 3, 8, 30), component("pgbouncer", 3, 2, 1.8),
            component("internal-load-balancer", 1, 4, 3.6), component("redis-cache", 3, 4, 15),
            component("redis-persistent", 3, 4, 15), component("gitaly", 1, 16, 60),
            component("praefect", 3, 2, 1.8), component("praefect-postgresql", 1, 2, 1.8),
            component("sidekiq", 4, 4, 15), component("gitlab-rails", 3, 32, 28.8), component("monitoring", 1, 4, 3.6));

    static final String GPT_RESULTS = resource("gpt-10k_results.json");

    /** A flow that could not go on: a step refused unexpectedly, or not done within its deadline. */
    record Failure(String flow, String step, String answer) {
    }

    private final FaultStack stack;
    private final Http http;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger flowsStarted = new AtomicInteger();
    private final AtomicInteger flowsCompleted = new AtomicInteger();
    final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private Thread[] users = new Thread[0];

    Load(FaultStack stack, Http http) {
        this.stack = stack;
        this.http = http;
    }

    void start(int userCount) {
        users = new Thread[userCount];
        for (int u = 0; u < userCount; u++) {
            int user = u;
            users[u] = new Thread(() -> {
                while (!stopping.get()) {
                    String flow = "u" + user + "-" + flowsStarted.incrementAndGet();
                    try {
                        runFlow(flow);
                        flowsCompleted.incrementAndGet();
                    } catch (FlowStopped stopped) {
                        failures.add(new Failure(flow, stopped.step, stopped.answer));
                    }
                }
            }, "load-user-" + u);
            users[u].start();
        }
    }

    /** Lets every user finish the request it is sending (with its retries) and stops starting new flows. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread user : users) {
            user.join(STEP_DEADLINE.toMillis() * 2);
        }
    }

    int flowsStarted() {
        return flowsStarted.get();
    }

    int flowsCompleted() {
        return flowsCompleted.get();
    }

    private void runFlow(String flow) {
        String customer = "Fault Load " + flow + " " + UUID.randomUUID().toString().substring(0, 6);
        String engagementId = command(flow, "open", "POST", "/engagements", Map.of("customerOrganisation", customer,
                "csm", CSM, "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"), 201)
                .json().get("engagementId").asString();
        String e = "/engagements/" + engagementId;
        command(flow, "requirements", "PUT", e + "/requirements", Map.of("currentUsers", 6000, "expectedUsers", 9000,
                "growthHorizonMonths", 18, "highAvailability", true, "geo", false,
                "targetCompletionDate", "2027-09-30"), 204);
        command(flow, "plan", "POST", e + "/plans", Map.of("author", "CUSTOMER", "components", DEVIATING_10K_PLAN,
                "migrationApproach", "Geo replication, then failover", "rollbackApproach", "Fail back",
                "planDocumentUrl", "https://gitlab.example/acme/collab/-/wikis/upgrade-plan"), 201);
        command(flow, "a", "POST", e + "/reference-architecture-review", null, 204);
        command(flow, "b", "POST", e + "/revision-discussion", Map.of("outcome", "CANNOT_REVISE",
                "notes", "Two more Gitaly nodes are not in budget"), 204);
        command(flow, "c", "POST", e + "/deviation-justification", Map.of("reasonCategory", "BUDGET",
                "explanation", "Two more Gitaly nodes are not in budget"), 204);
        command(flow, "d", "POST", e + "/expectations", null, 204);
        command(flow, "e", "POST", e + "/performance-results", GPT_RESULTS, 200);
        String reviewId = command(flow, "f", "POST", e + "/support-review-requests", null, 202)
                .json().get("reviewId").asString();

        // review-service opens the review from Kafka
        await(flow, "review opened", () -> http.get(stack.review.name, stack.review.baseUrl(),
                "/support-reviews/" + reviewId, "sam.senior", "SENIOR_SUPPORT_ENGINEER"),
                answer -> answer.is(200) && "OPEN".equals(answer.json().get("status").asString()));
        String verdict = VERDICTS.get(ThreadLocalRandom.current().nextInt(VERDICTS.size()));
        keyed(flow, "completion", List.of(stack.review), "POST", "/support-reviews/" + reviewId + "/completion",
                "sam.senior", "SENIOR_SUPPORT_ENGINEER",
                Map.of("verdict", verdict, "recommendations", List.of("Run Gitaly Cluster with three nodes")), 204);

        // coordination-service receives the verdict from Kafka
        await(flow, "verdict received", () -> {
            Node node = coordinationNode();
            return http.get(node.name, node.baseUrl(), e, CSM, "CSM");
        }, answer -> answer.is(200) && answer.json().has("supportReviewVerdict")
                && verdict.equals(answer.json().get("supportReviewVerdict").asString()));
        if (!"NOT_SUPPORTABLE".equals(verdict)) {
            command(flow, "g", "POST", e + "/future-adoption-advice", null, 204);
            command(flow, "h", "POST", e + "/documentation",
                    Map.of("location", "https://gitlab.example/acme/collaboration/-/wikis/architecture-review"), 204);
            command(flow, "h-shared", "POST", e + "/documentation/shared-with-support", null, 204);
        }
    }

    List<Node> coordinationNodes() {
        return stack.coordination();
    }

    private Node coordinationNode() {
        return stack.coordination().get(ThreadLocalRandom.current().nextInt(2));
    }

    private Answer command(String flow, String step, String method, String path, Object body, int expected) {
        return keyed(flow, step, stack.coordination(), method, path, CSM, "CSM", body, expected);
    }

    /** Sends a command with a fresh Idempotency-Key, and again with the same key until it is answered. */
    Answer keyed(String flow, String step, List<Node> targets, String method, String path, String principal,
                 String role, Object body, int expected) {
        String key = flow + "-" + step + "-" + UUID.randomUUID();
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        int first = ThreadLocalRandom.current().nextInt(targets.size());
        for (int attempt = 0; ; attempt++) {
            Node node = targets.get((first + attempt) % targets.size());
            Answer answer = http.send(node.name, node.baseUrl(), method, path, principal, role, body, key);
            if (answer.is(expected)) {
                return answer;
            }
            if (!answer.retryable() || System.nanoTime() > deadline) {
                throw new FlowStopped(step, answer.toString());
            }
            pause(250 + 250L * Math.min(attempt, 6));
        }
    }

    private void await(String flow, String step, java.util.function.Supplier<Answer> poll, Predicate<Answer> done) {
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        while (true) {
            Answer answer = poll.get();
            if (done.test(answer)) {
                return;
            }
            if (System.nanoTime() > deadline || stopping.get()) {
                throw new FlowStopped(step, stopping.get() ? "stopped while waiting" : "not within " + STEP_DEADLINE
                        + ": " + answer);
            }
            pause(500);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> component(String name, int nodes, double vcpu, double memoryGb) {
        return Map.of("component", name, "nodes", nodes, "vcpu", vcpu, "memoryGb", memoryGb, "placement", "VM");
    }

    private static String resource(String name) {
        try (InputStream in = Load.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class FlowStopped extends RuntimeException {
        final String step;
        final String answer;

        FlowStopped(String step, String answer) {
            super(step + ": " + answer, null, false, false);
            this.step = step;
            this.answer = answer;
        }
    }
}
