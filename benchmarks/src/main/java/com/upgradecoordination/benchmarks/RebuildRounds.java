package com.upgradecoordination.benchmarks;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.ServiceProcess;
import com.upgradecoordination.devsupport.TestPostgres;
import com.upgradecoordination.devsupport.TestTokens;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rebuilds compared between builds ({@code ./benchmarks/run --rebuilds}): one database is filled
 * once (creates, updates and a long engagement), then each variant of coordination-service (a
 * folder holding its runtime class path, as {@code benchmarks/target/services/coordination-service}
 * does) is started on it in turn, round after round, and rebuilds the engagement summary beside its
 * read ceiling (the GPT benchmarks' read model, which reads every event and handles almost none).
 * Single rebuilds of one build vary twofold on this machine, so variants alternate within each round
 * and what is compared is the median of the rounds' medians.
 *
 * <p>{@code BENCHMARK_VARIANTS}: the variants, separated by {@code ;}, each a class-path folder and
 * settings of its own, e.g. {@code /tmp/before; /tmp/after; /tmp/after key=value} (default: the
 * build just made); the first fills the store. {@code BENCHMARK_ROUNDS} (3) rounds;
 * {@code BENCHMARK_PAIRS} (5) pairs of rebuilds per variant and round; {@code BENCHMARK_MEASURE}
 * seconds of each filling load (20); {@code BENCHMARK_LONG_ENGAGEMENT} events of the long engagement
 * (10,000); {@code BENCHMARK_JVM_OPTIONS} and {@code BENCHMARK_SETTINGS} as for the full run.
 * Settings that shape the store (a processor's segments) must be the same for every variant.
 */
final class RebuildRounds {

    private static final String CEILING = "gpt-benchmarks";
    private static final String REBUILT = "engagement-summary";

    /** A rebuild of the read ceiling, then of the engagement summary: their replays' rates, and the service's CPU. */
    private record Pair(double ceilingPerSecond, double rebuiltPerSecond, double rebuiltFromRequestPerSecond,
                        double requestMillis, double cpuMillis, double residentMegabytes) {
    }

    /** A class-path folder, and settings of its own beside those of the run: {@code folder key=value ...}. */
    private record Variant(String label, String folder, Map<String, String> settings) {

        static Variant of(String text) {
            String[] parts = text.split("\\s+", 2);
            if (!Files.isDirectory(Path.of(parts[0]))) {
                throw new IllegalArgumentException("BENCHMARK_VARIANTS: no folder " + parts[0]);
            }
            return new Variant(text, parts[0], BenchmarkRun.extraSettings(parts.length > 1 ? parts[1] : ""));
        }

        Map<String, String> settings(Map<String, String> ofTheRun) {
            Map<String, String> all = new LinkedHashMap<>(ofTheRun);
            all.putAll(settings);
            return all;
        }
    }

    static void run(List<String> jvmOptions, Map<String, String> extraSettings) throws Exception {
        List<Variant> variants = Stream.of(System.getenv().getOrDefault("BENCHMARK_VARIANTS",
                Path.of("benchmarks", "target", "services", "coordination-service").toString()).split(";"))
                .map(String::trim).filter(text -> !text.isEmpty()).map(Variant::of).toList();
        int rounds = (int) BenchmarkRun.Plan.number("BENCHMARK_ROUNDS", 3);
        int pairs = (int) BenchmarkRun.Plan.number("BENCHMARK_PAIRS", 5);
        Duration load = Duration.ofSeconds(BenchmarkRun.Plan.number("BENCHMARK_MEASURE", 20));
        long longEngagement = BenchmarkRun.Plan.number("BENCHMARK_LONG_ENGAGEMENT", 10_000);
        System.out.printf("Rebuilds: %d variant(s), %d round(s) of %d pairs each; JVM options: %s%n",
                variants.size(), rounds, pairs, String.join(" ", jvmOptions));
        try (KraftBroker broker = KraftBroker.onFreePorts().start()) {
            TestPostgres.Database database = TestPostgres.freshDatabase("benchmark_rebuilds");
            Map<String, String> settings = BenchmarkRun.productionSettings("coordination-service",
                    broker.bootstrapServers(), database);
            settings.putAll(extraSettings);
            try (ServiceProcess filling = start(variants.get(0), settings, jvmOptions)) {
                fill(new HttpLoad(filling.baseUrl(), TestTokens.token("casey.csm", "CSM")), load, longEngagement);
                stop(filling);
            }
            Map<String, List<List<Pair>>> byVariant = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Variant variant : variants) {
                    System.out.printf("Round %d, %s:%n", round, variant.label());
                    byVariant.computeIfAbsent(variant.label(), v -> new ArrayList<>())
                            .add(round(variant, settings, jvmOptions, pairs));
                }
            }
            printSummary(byVariant);
        }
        System.exit(0);
    }

    private static void fill(HttpLoad http, Duration load, long longEngagement) throws Exception {
        System.out.printf("Filling the store: creates for %s, updates for %s, an engagement of %,d events ...%n",
                load, load, longEngagement);
        http.creates(8, load);
        http.updates(http.openEngagements(64), 32, load);
        String engagementId = http.open();
        for (long stored = 1, command = 0; stored < longEngagement; stored += 3, command++) {
            http.recordRequirements(engagementId, command % 2 == 0 ? 6000 : 1000);
        }
    }

    private static List<Pair> round(Variant variant, Map<String, String> settings, List<String> jvmOptions,
                                    int pairs) throws Exception {
        List<Pair> measured = new ArrayList<>();
        try (ServiceProcess service = start(variant, settings, jvmOptions)) {
            ReadModelRebuild rebuild = new ReadModelRebuild(
                    new HttpLoad(service.baseUrl(), TestTokens.token("casey.csm", "CSM")));
            ReadModelRebuild.Figures warmUp = rebuild.rebuild(REBUILT, Duration.ofMinutes(10));
            System.out.printf("  warm-up: %,d events, replayed at %,.0f per s%n", warmUp.events(), warmUp.perSecond());
            for (int i = 0; i < pairs; i++) {
                Duration cpuBefore = BenchmarkRun.cpuTime(service.pid());
                double ceiling = rebuild.rebuild(CEILING, Duration.ofMinutes(10)).perSecond();
                ReadModelRebuild.Figures rebuilt = rebuild.rebuild(REBUILT, Duration.ofMinutes(10));
                Pair pair = new Pair(ceiling, rebuilt.perSecond(), rebuilt.fromRequestPerSecond(),
                        rebuilt.requestMillis(), BenchmarkRun.cpuTime(service.pid()).minus(cpuBefore).toNanos() / 1e6,
                        BenchmarkRun.residentMegabytes(service.pid()));
                System.out.printf("  replays: %s %,8.0f per s, %s %,8.0f per s (from the request %,8.0f per s, "
                                + "the request %,4.0f ms); CPU %,6.0f ms; resident %.1f MiB%n", CEILING,
                        pair.ceilingPerSecond(), REBUILT, pair.rebuiltPerSecond(), pair.rebuiltFromRequestPerSecond(),
                        pair.requestMillis(), pair.cpuMillis(), pair.residentMegabytes());
                measured.add(pair);
            }
            stop(service);
        }
        return measured;
    }

    private static ServiceProcess start(Variant variant, Map<String, String> settings, List<String> jvmOptions) {
        return ServiceProcess.start("rebuilds-coordination", CoordinationServiceApplication.class,
                "coordination-service", variant.settings(settings), Duration.ofSeconds(180), KraftBroker.freePort(),
                jvmOptions, variant.folder() + File.separator + "*");
    }

    /**
     * Ends the service as an orchestrator would (SIGTERM): its processors release their tokens, so the
     * next variant claims them at once, and a profiler attached to it writes its last samples.
     */
    private static void stop(ServiceProcess service) {
        ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroy);
        service.awaitExit(Duration.ofSeconds(60));
    }

    private static void printSummary(Map<String, List<List<Pair>>> byVariant) {
        System.out.printf("%n%-60s %s%n", "variant", "median of the rounds' medians (each round's median)");
        byVariant.forEach((variant, rounds) -> {
            System.out.printf("%-60s %s, replay: %s%n", variant, REBUILT,
                    medians(rounds, Pair::rebuiltPerSecond, "%,.0f/s"));
            System.out.printf("%-60s %s, from the request: %s%n", "", REBUILT,
                    medians(rounds, Pair::rebuiltFromRequestPerSecond, "%,.0f/s"));
            System.out.printf("%-60s %s, the request: %s%n", "", REBUILT, medians(rounds, Pair::requestMillis, "%,.0f ms"));
            System.out.printf("%-60s %s, replay: %s%n", "", CEILING, medians(rounds, Pair::ceilingPerSecond, "%,.0f/s"));
            System.out.printf("%-60s %s %s%n", "", "CPU per pair", medians(rounds, Pair::cpuMillis, "%,.0f ms"));
            System.out.printf("%-60s %s %s%n", "", "resident after a pair", medians(rounds, Pair::residentMegabytes,
                    "%.1f MiB"));
        });
    }

    private static String medians(List<List<Pair>> rounds, java.util.function.ToDoubleFunction<Pair> figure,
                                  String format) {
        List<Double> perRound = rounds.stream()
                .map(pairs -> BenchmarkRun.Results.median(pairs.stream().mapToDouble(figure).sorted().boxed().toList()))
                .toList();
        return String.format(format, BenchmarkRun.Results.median(BenchmarkRun.Results.sorted(perRound))) + " ("
                + String.join(", ", perRound.stream().map(value -> String.format(format, value)).toList()) + ")";
    }

    private RebuildRounds() {
    }
}
