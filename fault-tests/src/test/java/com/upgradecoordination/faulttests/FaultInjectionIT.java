package com.upgradecoordination.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.TopicRecorder;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.faulttests.FaultStack.Node;
import com.upgradecoordination.faulttests.Http.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite (issue 12). The three services, the broker and PostgreSQL each run in a
 * process of their own; virtual users drive the whole flow (engagement, deviation process, support
 * review over Kafka, verdict back, notifications to inboxes and a webhook listener) while, cycle
 * after cycle, one fault hits: the coordination instance holding the relay, review-service or
 * notification-service SIGKILLed and restarted on its port; the broker SIGKILLed and restarted on
 * its data; PostgreSQL stopped at once and started again (every connection dropped). Then 64
 * concurrent writers. At the end it asserts that every published stored event reached its topic,
 * every consumer's effect happened once, every request was answered within its bound and every
 * aggregate's hash chain is intact, and prints the table.
 *
 * <p>{@code -Dfaults.cycles} (default 5: each kind once), {@code -Dfaults.users} (virtual users),
 * {@code -Dfaults.writers.seconds}. {@code ./fault-tests/run} runs the long version.
 */
class FaultInjectionIT {

    static final int CYCLES = Integer.getInteger("faults.cycles", 5);
    /** Stops starting new fault cycles after this many minutes of load (0: no limit). */
    static final int MAX_MINUTES = Integer.getInteger("faults.max-minutes", 0);
    static final int USERS = Integer.getInteger("faults.users", 4);
    static final int WRITERS = 64;
    static final Duration WRITERS_FOR = Duration.ofSeconds(Integer.getInteger("faults.writers.seconds", 15));
    static final Duration REQUEST_BOUND = Duration.ofSeconds(20);
    static final Duration CONVERGE_STALLED = Duration.ofSeconds(90);
    static final Duration CONVERGE_AT_MOST = Duration.ofMinutes(20);

    enum Fault {
        RELAY_HOLDER_KILL("coordination instance holding the relay: SIGKILL, restart"),
        REVIEW_KILL("review-service: SIGKILL, restart"),
        NOTIFICATION_KILL("notification-service: SIGKILL, restart"),
        BROKER_KILL("Kafka broker: SIGKILL, 5 s down, restart on its data"),
        POSTGRES_RESTART("PostgreSQL: immediate stop, 3 s down, start");

        final String label;

        Fault(String label) {
            this.label = label;
        }
    }

    static final String WARM_UP = "none (load only, before and between faults)";
    static final String WRITERS_ROW = "none: 64 concurrent writers";

    final Timeline timeline = new Timeline();
    final Map<String, List<Duration>> recoveries = new LinkedHashMap<>();

    @Test
    void underFaultsNothingIsLostNothingIsDoubledEveryRequestIsAnswered() throws Exception {
        long began = System.nanoTime();
        Path directory = Path.of("target", "fault-run");
        Http http = new Http(REQUEST_BOUND);
        try (FaultStack stack = FaultStack.start(directory);
             WebhookListener webhooks = new WebhookListener();
             TopicRecorder topics = new TopicRecorder(stack.broker.bootstrapServers(),
                     Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION)) {
            long started = System.nanoTime();
            Load load = new Load(stack, http);
            subscribeWebhooks(load, stack, webhooks);

            timeline.begin(WARM_UP);
            TransactionWatch transactions = new TransactionWatch(stack.postgres.url("postgres"), timeline);
            load.start(USERS);
            Load.pause(5_000);
            int cycles = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                if (MAX_MINUTES > 0 && System.nanoTime() - started > Duration.ofMinutes(MAX_MINUTES).toNanos()) {
                    break;
                }
                cycles++;
                Fault fault = Fault.values()[cycle % Fault.values().length];
                timeline.begin(fault.label);
                Duration recovery = inject(fault, stack, load, topics);
                recoveries.computeIfAbsent(fault.label, f -> new ArrayList<>()).add(recovery);
                System.out.printf("cycle %d: %s recovered in %.1f s%n", cycle + 1, fault.label, recovery.toMillis() / 1000.0);
                timeline.begin(WARM_UP);
                Load.pause(3_000);
            }
            load.stop();
            long faultsEnded = System.nanoTime();

            timeline.begin(WRITERS_ROW);
            int writerFlows = concurrentWriters(load);
            timeline.begin("after");
            transactions.close();

            long converging = System.nanoTime();
            Audit audit = converge(stack, topics, webhooks);
            long verifying = System.nanoTime();
            Map<String, Integer> verified = new LinkedHashMap<>();
            List<Audit.Finding> broken = Audit.brokenChains(stack, verified);
            broken.addAll(verifiedOverHttp(http, stack, audit));
            long verifiedAt = System.nanoTime();
            String relayToken = relayToken(stack);

            Report report = new Report(timeline, recoveries, audit, http.ledger(), broken);
            StringBuilder out = new StringBuilder();
            out.append(String.format("%nFault-injection suite: %d fault cycles (of %d asked for), %d virtual users (%d flows started, %d completed), "
                            + "%d concurrent writers for %d s (%d engagements); stack up in %d s, faults and load %d s, "
                            + "caught up in %d s, chains verified in %d s, total %d s%n",
                    cycles, CYCLES, USERS, load.flowsStarted(), load.flowsCompleted(), WRITERS, WRITERS_FOR.toSeconds(), writerFlows,
                    Duration.ofNanos(started - began).toSeconds(), Duration.ofNanos(faultsEnded - started).toSeconds(),
                    Duration.ofNanos(verifying - converging).toSeconds(), Duration.ofNanos(verifiedAt - verifying).toSeconds(),
                    Duration.ofNanos(System.nanoTime() - began).toSeconds()));
            out.append(report.table());
            out.append(String.format("stored events: %d (%d published); records on the topics: %d (%d event ids, %d published "
                            + "more than once: at-least-once, consumers dedupe); inbox rows REJECTED: %d; webhook calls: %d; "
                            + "requests: %d (%d connection errors, %d 5xx); aggregates verified INTACT: %s; relay token: %s%n",
                    audit.stored.size(), audit.stored.stream().filter(e -> e.topic() != null).count(),
                    audit.published.values().stream().mapToInt(Integer::intValue).sum(), audit.published.size(),
                    audit.published.values().stream().filter(c -> c > 1).count(), audit.rejectedInboxRows,
                    webhooks.received().size(), http.ledger().size(),
                    http.ledger().stream().filter(c -> c.kind() == Http.Kind.CONNECTION_ERROR).count(),
                    http.ledger().stream().filter(c -> c.status() >= 500).count(), verified, relayToken));
            out.append(String.format("webhook calls repeated under one Idempotency-Key (at least once towards the channel; "
                    + "a receiver acting once per key acts once): %d%n", audit.webhookRepeats.size()));
            audit.webhookRepeats.forEach(f -> out.append("repeated webhook call (").append(timeline.labelAt(f.atMillis()))
                    .append("): ").append(f.what()).append('\n'));
            out.append("longest transaction seen open (pg_stat_activity, sampled every 250 ms), per window: ");
            transactions.longestByWindow().forEach((window, seconds) -> out.append(String.format("%s %.1f s; ",
                    window.equals("after") ? "catching up" : window, seconds)));
            out.append('\n');
            audit.notes.forEach(note -> out.append("note: ").append(note).append('\n'));
            report.details(out);
            load.failures.stream().filter(f -> !f.answer().equals("stopped while waiting"))
                    .forEach(f -> out.append("flow stopped: ").append(f).append('\n'));
            System.out.println(out);
            Files.writeString(Path.of("target", "fault-report.txt"), out, StandardCharsets.UTF_8);

            assertThat(audit.lost).as("lost events and effects").isEmpty();
            assertThat(audit.doubled).as("doubled effects").isEmpty();
            assertThat(report.unanswered()).as("requests without an answer within " + REQUEST_BOUND).isEmpty();
            assertThat(broken).as("aggregate streams not INTACT").isEmpty();
            assertThat(load.failures).as("flows that could not go on")
                    .allSatisfy(f -> assertThat(f.answer()).isEqualTo("stopped while waiting"));
            assertThat(load.flowsCompleted()).as("flows completed").isPositive();
        }
    }

    // --- faults -----------------------------------------------------------------------------------

    Duration inject(Fault fault, FaultStack stack, Load load, TopicRecorder topics) throws Exception {
        long t0;
        switch (fault) {
            case RELAY_HOLDER_KILL -> {
                Node holder = awaitRelayHolder(stack);
                Node survivor = holder == stack.coordinationA ? stack.coordinationB : stack.coordinationA;
                t0 = System.nanoTime();
                holder.kill();
                CompletableFuture<Void> restarted = CompletableFuture.runAsync(holder::restart);
                // the survivor takes the relay over: a new engagement's event reaches the topic
                awaitPublished(probe(load, List.of(survivor)), topics);
                restarted.join();
            }
            case REVIEW_KILL, NOTIFICATION_KILL -> {
                Node node = fault == Fault.REVIEW_KILL ? stack.review : stack.notification;
                Load.pause(ThreadLocalRandom.current().nextLong(1_000));
                t0 = System.nanoTime();
                node.kill();
                node.restart();
                String path = fault == Fault.REVIEW_KILL ? "/support-reviews?status=OPEN" : "/inbox/@senior-reviewers";
                awaitAnswer(load, node, path);
            }
            case BROKER_KILL -> {
                t0 = System.nanoTime();
                stack.broker.kill();
                Load.pause(5_000);
                stack.broker.start(Duration.ofSeconds(120));
                awaitPublished(probe(load, stack.coordination()), topics);
            }
            case POSTGRES_RESTART -> {
                t0 = System.nanoTime();
                stack.postgres.stopImmediately();
                Load.pause(3_000);
                stack.postgres.start(Duration.ofSeconds(60));
                for (Node node : stack.coordination()) {
                    probe(load, List.of(node));
                }
                awaitAnswer(load, stack.review, "/support-reviews?status=OPEN");
                awaitAnswer(load, stack.notification, "/inbox/@senior-reviewers");
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    static Node awaitRelayHolder(FaultStack stack) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Node holder = stack.relayHolder();
            if (holder != null) {
                return holder;
            }
            Load.pause(200);
        }
        throw new AssertionError("no coordination instance holds the relay");
    }

    /** Opens an engagement (with retries) and answers its id. */
    static String probe(Load load, List<Node> targets) {
        return load.keyed("probe", "open", targets, "POST", "/engagements", Load.CSM, "CSM",
                Map.of("customerOrganisation", "Fault Probe " + UUID.randomUUID().toString().substring(0, 8),
                        "csm", Load.CSM, "reasons", List.of("GROWTH"), "deploymentType", "OMNIBUS_MULTI_NODE"), 201)
                .json().get("engagementId").asString();
    }

    static void awaitPublished(String engagementId, TopicRecorder topics) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (topics.received().stream().anyMatch(r -> engagementId.equals(r.key()) && r.value().contains("\"EngagementOpened\""))) {
                return;
            }
            Load.pause(100);
        }
        throw new AssertionError("the EngagementOpened of " + engagementId + " never reached the topic");
    }

    static void awaitAnswer(Load load, Node node, String path) {
        load.keyed("probe", "get", List.of(node), "GET", path, "sam.senior", "SENIOR_SUPPORT_ENGINEER", null, 200);
    }

    static void subscribeWebhooks(Load load, FaultStack stack, WebhookListener webhooks) {
        for (String team : List.of("@senior-reviewers", "@proserv")) {
            load.keyed("setup", "webhook", List.of(stack.notification), "PUT", "/recipients/" + team + "/addresses",
                    "maria.manager", "SUPPORT_MANAGER", Map.of("webhookUrl", webhooks.url(team.substring(1))), 204);
        }
    }

    // --- 64 concurrent writers ------------------------------------------------------------------

    /** Writers open engagements and record their requirements on both instances, for a while. */
    int concurrentWriters(Load load) throws InterruptedException {
        long until = System.nanoTime() + WRITERS_FOR.toNanos();
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    String flow = "w" + writer + "-" + n++;
                    try {
                        String id = probe(load, load.coordinationNodes());
                        load.keyed(flow, "requirements", load.coordinationNodes(), "PUT", "/engagements/" + id + "/requirements",
                                Load.CSM, "CSM", Map.of("currentUsers", 100, "expectedUsers", 200 + n,
                                        "growthHorizonMonths", 12, "highAvailability", false, "geo", false,
                                        "targetCompletionDate", "2028-06-30"), 204);
                        opened.incrementAndGet();
                    } catch (Load.FlowStopped stopped) {
                        load.failures.add(new Load.Failure(flow, stopped.step, stopped.answer));
                    }
                }
            }, "writer-" + w);
            thread.start();
            writers.add(thread);
        }
        for (Thread thread : writers) {
            thread.join();
        }
        return opened.get();
    }

    // --- the end --------------------------------------------------------------------------------

    /**
     * Audits until nothing is missing any more: the relays publish what was stored while the broker
     * was away or while the writers outpaced them, and the consumers catch up. Gives up once nothing
     * has changed for {@link #CONVERGE_STALLED} (the missing stay missing), or after {@link #CONVERGE_AT_MOST}.
     */
    Audit converge(FaultStack stack, TopicRecorder topics, WebhookListener webhooks) throws Exception {
        long deadline = System.nanoTime() + CONVERGE_AT_MOST.toNanos();
        long lastChange = System.nanoTime();
        String last = "";
        while (true) {
            Audit audit = Audit.of(stack, topics, webhooks.received());
            System.out.printf("%tT catching up: %d stored, %d on the topics, %d missing%n", System.currentTimeMillis(),
                    audit.stored.size(), audit.published.size(), audit.lost.size());
            String now = audit.stored.size() + "/" + audit.published.size() + "/" + audit.lost.size();
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            }
            if (audit.lost.isEmpty() || System.nanoTime() > deadline
                    || System.nanoTime() - lastChange > CONVERGE_STALLED.toNanos()) {
                // settle: a late duplicate would show now
                Load.pause(3_000);
                return Audit.of(stack, topics, webhooks.received());
            }
            Load.pause(3_000);
        }
    }

    /** The audit endpoint as an auditor reads it, for a few aggregates of each service. */
    static List<Audit.Finding> verifiedOverHttp(Http http, FaultStack stack, Audit audit) {
        List<Audit.Finding> broken = new ArrayList<>();
        Map<String, Node> nodes = Map.of("coordination", stack.coordinationA, "review", stack.review,
                "notification", stack.notification);
        nodes.forEach((database, node) -> audit.stored.stream().filter(e -> e.database().equals(database))
                .map(Audit.Stored::aggregateId).distinct().limit(5).forEach(aggregate -> {
                    Answer answer = http.get(node.name, node.baseUrl(), "/audit/aggregates/" + aggregate + "/verify",
                            "alex.auditor", "AUDITOR");
                    if (!answer.is(200) || !"INTACT".equals(answer.json().get("status").asString())) {
                        broken.add(new Audit.Finding("verify over HTTP", 0, database + " " + aggregate + ": " + answer));
                    }
                }));
        return broken;
    }

    static String relayToken(FaultStack stack) {
        try (Connection connection = stack.connect("coordination");
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processorname = 'kafka-relay'")) {
            return rs.next() ? rs.getString(1) : "none";
        } catch (Exception e) {
            return e.toString();
        }
    }
}
