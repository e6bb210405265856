package com.upgradecoordination.benchmarks;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.ServiceProcess;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestPostgres;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.notification.NotificationServiceApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark command ({@code ./benchmarks/run [--quick]}): starts a broker, fresh PostgreSQL
 * databases and coordination-service in a JVM of its own (notification-service too, for the consumer
 * figures), warms up, then measures, repetition after repetition, the command rates and latencies
 * beside a raw baseline taken in the same run on the same PostgreSQL (single-row insert commits into
 * a copy of the event table), the relay's and a consumer's latency, a long engagement, rebuilds
 * beside the read ceiling and the service's resident memory (docs/performance.md). Prints one table (min / median / max over the repetitions, and the
 * ratio to the baseline) and writes the figures as JSON to {@code benchmarks/target/}.
 *
 * <p>No test asserts a figure: this machine is noisy, so every figure is read beside its baseline.
 */
public final class BenchmarkRun {

    /** @param loadedRelayRate commands per second of the relay and consumer latencies under load */
    record Plan(boolean quick, int repetitions, Duration warmUp, Duration measure, Duration relayMeasure,
                int longAggregateEvents, int relayBacklog, int loadedRelayRate, Duration brokerOutage) {

        /**
         * {@code BENCHMARK_BROKER_OUTAGE} and {@code BENCHMARK_MEASURE} (seconds) replace the plan's broker
         * outage and the length of each load, e.g. a long outage or longer loads in a quick run;
         * {@code BENCHMARK_RELAY_MEASURE} (seconds) the length of the relay's loads;
         * {@code BENCHMARK_RELAY_BACKLOG} (events) the backlog the relay drains after a restart, and
         * {@code BENCHMARK_LONG_ENGAGEMENT} (events) the length of the long engagement.
         */
        static Plan of(List<String> args) {
            Plan plan = args.contains("--quick")
                    ? new Plan(true, 1, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(4), 1_000,
                    1_000, 400, Duration.ofSeconds(3))
                    : new Plan(false, 3, Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(20),
                    10_000, 20_000, 400, Duration.ofSeconds(150));
            return new Plan(plan.quick(), plan.repetitions(), plan.warmUp(),
                    seconds("BENCHMARK_MEASURE", plan.measure()),
                    seconds("BENCHMARK_RELAY_MEASURE", plan.relayMeasure()),
                    (int) number("BENCHMARK_LONG_ENGAGEMENT", plan.longAggregateEvents()),
                    (int) number("BENCHMARK_RELAY_BACKLOG", plan.relayBacklog()), plan.loadedRelayRate(),
                    seconds("BENCHMARK_BROKER_OUTAGE", plan.brokerOutage()));
        }

        private static Duration seconds(String variable, Duration otherwise) {
            return Duration.ofSeconds(number(variable, otherwise.toSeconds()));
        }

        static long number(String variable, long otherwise) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
        }
    }

    /**
     * The service's JVM flags: those documented for containers (docs/operations.md), in a JVM sized as
     * a 384 MiB container sizes it ({@code MaxRAM}): a heap of at most 33% of it that starts small and
     * grows as needed. {@code BENCHMARK_JVM_OPTIONS} replaces them.
     */
    static final String CONTAINER_JVM_OPTIONS = "-XX:MaxRAM=384m -XX:+UseSerialGC -XX:MaxRAMPercentage=33 "
            + "-XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Xss512k "
            + "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=128m "
            + "-XX:+ExitOnOutOfMemoryError";

    /**
     * A service's own runtime class path: its jar and its runtime dependencies, which the run script
     * copies to {@code benchmarks/target/services/<service>/}, as its container image holds them. The
     * benchmark's class path also holds the broker, JMH and both services: a service started on it
     * loaded classes it never loads in its image (log4j-core among them, found by its class loading log).
     */
    static String serviceClasspath(String service) {
        Path folder = Path.of("benchmarks", "target", "services", service);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("No class path for " + service + " in " + folder.toAbsolutePath()
                    + ": run the benchmark with ./benchmarks/run, which copies it there");
        }
        return folder + File.separator + "*";
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.of(List.of(args));
        List<String> jvmOptions = List.of(System.getenv().getOrDefault("BENCHMARK_JVM_OPTIONS",
                CONTAINER_JVM_OPTIONS).trim().split("\\s+"));
        Map<String, String> extraSettings = extraSettings(System.getenv().getOrDefault("BENCHMARK_SETTINGS", ""));
        if (List.of(args).contains("--rebuilds")) {
            RebuildRounds.run(jvmOptions, extraSettings);
            return;
        }
        System.out.printf("Benchmarks (%s): %d repetition(s), %s each, on %d cores%n",
                plan.quick() ? "quick" : "full", plan.repetitions(), plan.measure(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("coordination-service JVM options: " + String.join(" ", jvmOptions));
        if (!extraSettings.isEmpty()) {
            System.out.println("the services' settings (BENCHMARK_SETTINGS): " + extraSettings);
        }
        Results results = new Results();
        System.out.println("In-process figures (JMH) ...");
        InProcessRun.measure(plan, results);
        try (KraftBroker broker = KraftBroker.onFreePorts().start()) {
            TestPostgres.Database coordinationDatabase = TestPostgres.freshDatabase("benchmark_coordination");
            Map<String, String> settings = productionSettings("coordination-service", broker.bootstrapServers(),
                    coordinationDatabase);
            settings.putAll(extraSettings);
            TestPostgres.Database notificationDatabase = TestPostgres.freshDatabase("benchmark_notification");
            Map<String, String> notificationSettings = productionSettings("notification-service",
                    broker.bootstrapServers(), notificationDatabase);
            notificationSettings.putAll(extraSettings);
            long starting = System.nanoTime();
            ServiceProcess coordination = ServiceProcess.start("benchmark-coordination",
                    CoordinationServiceApplication.class, "coordination-service", settings, Duration.ofSeconds(180),
                    KraftBroker.freePort(), jvmOptions, serviceClasspath("coordination-service"));
            double firstStart = (System.nanoTime() - starting) / 1e9;
            RelayBacklog backlog = new RelayBacklog(settings, broker.bootstrapServers());
            RawInserts raw = new RawInserts(rawDatabase());
            HttpLoad http = new HttpLoad(coordination.baseUrl(), TestTokens.token("casey.csm", "CSM"));
            RelayLatency relay = new RelayLatency(broker.bootstrapServers(), http, coordinationDatabase);
            LongAggregate longAggregate = new LongAggregate(http);
            ReadModelRebuild rebuild = new ReadModelRebuild(http);
            ConsumerLatency consumerLatency = new ConsumerLatency(coordinationDatabase, notificationDatabase);
            List<String> engagements = http.openEngagements(64);

            for (int repetition = 1; repetition <= plan.repetitions(); repetition++) {
                // each repetition starts on a freshly started service (its start-up is measured at the end of the last)
                System.out.printf("Repetition %d of %d: warming up ...%n", repetition, plan.repetitions());
                http.creates(8, plan.warmUp());
                raw.inserts(8, plan.warmUp());
                for (int connections : new int[] {8, 32}) {
                    results.add("raw insert commits, " + connections + " connections", "per s",
                            raw.inserts(connections, plan.measure()).perSecond(), null);
                    Duration cpuBefore = cpuTime(coordination.pid());
                    Load creates = http.creates(connections, plan.measure());
                    results.add("create commands (POST /engagements), " + connections + " connections", "per s",
                            creates.perSecond(), "raw insert commits, " + connections + " connections");
                    results.add("coordination-service CPU per create, " + connections + " connections", "ms",
                            cpuMillisPer(creates, cpuBefore, coordination.pid()), null);
                    results.add("create commands, " + connections + " connections, p50", "ms", creates.p50Millis(), null);
                    results.add("create commands, " + connections + " connections, p99", "ms", creates.p99Millis(), null);
                }
                Duration cpuBefore = cpuTime(coordination.pid());
                Load updates = http.updates(engagements, 32, plan.measure());
                results.add("commands on an existing engagement (PUT requirements), 32 connections", "per s",
                        updates.perSecond(), "raw insert commits, 32 connections");
                results.add("coordination-service CPU per command on an existing engagement", "ms",
                        cpuMillisPer(updates, cpuBefore, coordination.pid()), null);
                results.add("commands on an existing engagement, 32 connections, p99", "ms", updates.p99Millis(), null);
                RelayBacklog.Drain drained = backlog.drain(Duration.ofMinutes(10));
                results.add("relay: backlog left by the loads above", "events", drained.backlog(), null);
                RelayLatency.Figures relayed = relay.measure(5, 1, plan.relayMeasure());
                results.add("relay: command answered -> event on its topic, 5 commands/s, p50", "ms",
                        relayed.p50Millis(), null);
                results.add("relay: command answered -> event on its topic, 5 commands/s, p99", "ms",
                        relayed.p99Millis(), null);
                // under load, with a consumer in a JVM of its own: notification-service, started on the
                // topic's end (it would otherwise first work through everything the loads above stored)
                backlog.skipToEnd(NOTIFICATION_COORDINATION_GROUP);
                ServiceProcess notification = ServiceProcess.start("benchmark-notification",
                        NotificationServiceApplication.class, "notification-service", notificationSettings,
                        Duration.ofSeconds(180), KraftBroker.freePort(), jvmOptions,
                        serviceClasspath("notification-service"));
                // its consumers join their groups and warm up before anything is timed
                consumerLatency.measure(relay.measure(20, 1, plan.warmUp()).cases(), Duration.ofMinutes(2));
                int rate = plan.loadedRelayRate();
                Duration notificationCpuBefore = cpuTime(notification.pid());
                RelayLatency.Figures loaded = relay.measure(rate, 16, plan.relayMeasure());
                // the senders wait for each answer: above what the service sustains, they fall behind
                results.add("relay under load: commands answered per s (asked " + rate + ")", "per s",
                        loaded.cases().size() / (double) plan.relayMeasure().toSeconds(), null);
                results.add("relay: command answered -> event on its topic, " + rate + " commands/s, p50", "ms",
                        loaded.p50Millis(), null);
                results.add("relay: command answered -> event on its topic, " + rate + " commands/s, p99", "ms",
                        loaded.p99Millis(), null);
                ConsumerLatency.Figures effects = consumerLatency.measure(loaded.cases(), Duration.ofMinutes(5));
                // every record of the load handled by then: its CPU time over the events it had, one per command
                results.add("notification-service CPU per event, " + rate + " commands/s", "ms",
                        cpuTime(notification.pid()).minus(notificationCpuBefore).toNanos() / 1e6
                                / Math.max(1, loaded.cases().size()), null);
                results.add("event stored -> notification-service's effect, " + rate + " commands/s, p50", "ms",
                        effects.p50Millis(), null);
                results.add("event stored -> notification-service's effect, " + rate + " commands/s, p99", "ms",
                        effects.p99Millis(), null);
                if (loaded.missing() + effects.missing() > 0) {
                    System.out.printf("  %d events not on the topic, %d not handled by the consumer in time%n",
                            loaded.missing(), effects.missing());
                }
                results.add("notification-service resident memory after the load", "MiB",
                        residentMegabytes(notification.pid()), null);
                notification.close();
                LongAggregate.Figures long_ = longAggregate.measure(plan.longAggregateEvents());
                String ofLong = "engagement of " + (plan.longAggregateEvents() / 1000) + "k events";
                results.add("long " + ofLong + ": the commands that built it, p50", "ms",
                        long_.buildingP50Millis(), null);
                results.add("long " + ofLong + ": the commands that built it, p95", "ms",
                        long_.buildingP95Millis(), null);
                results.add("long " + ofLong + ": the commands that built it, p99", "ms",
                        long_.buildingP99Millis(), null);
                results.add("long " + ofLong + ": a command on it (from its snapshot), p50", "ms",
                        long_.commandP50Millis(), null);
                results.add("long " + ofLong + ": the same command on a new one (under 10 events), p50", "ms",
                        long_.shortCommandP50Millis(), null);
                results.add("long " + ofLong + ": state as of its last event (full replay), p50", "ms",
                        long_.stateAsOfLastP50Millis(), null);
                results.add("long " + ofLong + ": state as of its middle event, p50", "ms",
                        long_.stateAsOfMiddleP50Millis(), null);
                results.add("long " + ofLong + ": verify its " + long_.events() + " links, p50", "ms",
                        long_.verifyP50Millis(), null);
                // the processor's read ceiling: a read model that reads every event and handles almost none
                ReadModelRebuild.Figures ceiling = rebuild.rebuild("gpt-benchmarks", Duration.ofMinutes(10));
                String replayCeiling = "rebuild baseline: gpt-benchmarks (reads every event, writes almost none), replay";
                results.add(replayCeiling, "per s", ceiling.perSecond(), null);
                ReadModelRebuild.Figures rebuilt = rebuild.rebuild("engagement-summary", Duration.ofMinutes(10));
                results.add("rebuild of engagement-summary: events in the store", "events", rebuilt.events(), null);
                results.add("rebuild of engagement-summary: the request (processor stopped, tokens reset)", "ms",
                        rebuilt.requestMillis(), null);
                results.add("rebuild of engagement-summary, replay (request answered -> caught up)", "per s",
                        rebuilt.perSecond(), replayCeiling);
                results.add("rebuild of engagement-summary, request sent -> caught up", "per s",
                        rebuilt.fromRequestPerSecond(), null);
                results.add("coordination-service resident memory after the load", "MiB",
                        residentMegabytes(coordination.pid()), null);
                coordination.close();
                RelayBacklog.Rewound rewound = backlog.rewind(plan.relayBacklog());
                long restarting = System.nanoTime();
                coordination = coordination.restart(Duration.ofSeconds(180));
                results.add("coordination-service start-up (JVM start to healthy; first start " + String.format(
                        "%.1f s", firstStart) + ")", "s", (System.nanoTime() - restarting) / 1e9, null);
                RelayBacklog.Replay replay = backlog.replayed(rewound, Duration.ofMinutes(10));
                results.add("relay: a backlog of " + replay.events() + " events drained (token moved back while down)",
                        "per s", replay.perSecond(), null);
            }
            RelayBacklog.AfterOutage outage = backlog.afterOutage(broker, http, plan.brokerOutage());
            String afterOutage = "relay: broker back after " + plan.brokerOutage().toSeconds() + " s away -> ";
            results.add(afterOutage + "first of its " + outage.events() + " events on the topic", "s",
                    outage.firstSendSeconds(), null);
            results.add(afterOutage + "all of them", "s", outage.caughtUpSeconds(), null);
            coordination.close();
        }
        results.print(System.out);
        Path json = Path.of("benchmarks/target/benchmark-results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, results.toJson(plan));
        System.out.println("Figures written to " + json);
        // the broker's and the database helpers' threads are not daemons
        System.exit(0);
    }

    /** The CPU time (user and system) the process has used so far. */
    static Duration cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /**
     * The service's CPU time per completed command during a load: less sensitive to what else runs on
     * the machine than the command rate, so a change to the command path shows in it on a noisy host.
     */
    static double cpuMillisPer(Load load, Duration cpuBefore, long pid) {
        return cpuTime(pid).minus(cpuBefore).toNanos() / 1e6 / Math.max(1, load.completed());
    }

    /** The consumer group of notification-service's listener of the coordination topic (its listener id). */
    static final String NOTIFICATION_COORDINATION_GROUP = "notification-coordination-events";

    /** The test settings' database and issuer, without their short test timeouts and relay batch size of 1. */
    static Map<String, String> productionSettings(String serviceName, String bootstrapServers,
                                                  TestPostgres.Database database) {
        Map<String, String> settings = new LinkedHashMap<>();
        ServiceTestSettings.forService(serviceName, bootstrapServers, database).forEach((key, value) -> {
            if (key.startsWith("spring.datasource.url") || key.startsWith("spring.datasource.username")
                    || key.startsWith("spring.datasource.password") || key.equals("spring.kafka.bootstrap-servers")
                    || key.startsWith("spring.security.")) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** {@code key=value} pairs separated by whitespace or commas. */
    static Map<String, String> extraSettings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.trim().split("[\\s,]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("BENCHMARK_SETTINGS: expected key=value, got " + pair);
            }
            settings.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return settings;
    }

    /** A fresh database with the event table exactly as the platform's migration makes it. */
    static TestPostgres.Database rawDatabase() throws IOException, SQLException {
        TestPostgres.Database database = TestPostgres.freshDatabase("benchmark_raw");
        String ddl;
        try (var in = BenchmarkRun.class.getResourceAsStream("/db/platform/V1__axon_event_store.sql")) {
            ddl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password())) {
            connection.createStatement().execute(ddl);
        }
        return database;
    }

    static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private BenchmarkRun() {
    }

    /** One figure per repetition, by name, in the order first added. */
    static final class Results {

        private final Map<String, List<Double>> values = new LinkedHashMap<>();
        private final Map<String, String> units = new LinkedHashMap<>();
        private final Map<String, String> baselines = new LinkedHashMap<>();

        void add(String name, String unit, double value, String baseline) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            units.put(name, unit);
            if (baseline != null) {
                baselines.put(name, baseline);
            }
        }

        static double median(List<Double> sorted) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        static List<Double> sorted(List<Double> values) {
            return values.stream().sorted().toList();
        }

        /** Per repetition, this figure divided by its baseline of the same repetition. */
        List<Double> ratios(String name) {
            String baseline = baselines.get(name);
            if (baseline == null) {
                return List.of();
            }
            List<Double> mine = values.get(name);
            List<Double> theirs = values.get(baseline);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                ratios.add(mine.get(i) / theirs.get(i));
            }
            return ratios;
        }

        void print(java.io.PrintStream out) {
            out.println();
            out.printf("%-84s %-6s %10s %10s %10s   %s%n", "figure", "unit", "min", "median", "max",
                    "ratio to baseline (min / median / max)");
            values.forEach((name, list) -> {
                List<Double> sorted = sorted(list);
                List<Double> ratios = sorted(ratios(name));
                out.printf("%-84s %-6s %10.1f %10.1f %10.1f   %s%n", name, units.get(name), sorted.get(0),
                        median(sorted), sorted.get(sorted.size() - 1), ratios.isEmpty() ? ""
                                : String.format("%.2f / %.2f / %.2f", ratios.get(0), median(ratios),
                                ratios.get(ratios.size() - 1)));
            });
        }

        String toJson(Plan plan) {
            List<Map<String, Object>> figures = new ArrayList<>();
            values.forEach((name, list) -> {
                List<Double> sorted = sorted(list);
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("name", name);
                figure.put("unit", units.get(name));
                figure.put("values", list);
                figure.put("min", sorted.get(0));
                figure.put("median", median(sorted));
                figure.put("max", sorted.get(sorted.size() - 1));
                if (baselines.containsKey(name)) {
                    figure.put("baseline", baselines.get(name));
                    figure.put("ratios", ratios(name));
                }
                figures.add(figure);
            });
            return tools.jackson.databind.json.JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Map.of("quick", plan.quick(), "repetitions", plan.repetitions(),
                            "measureSeconds", plan.measure().toSeconds(), "cores",
                            Runtime.getRuntime().availableProcessors(), "figures", figures));
        }
    }
}
