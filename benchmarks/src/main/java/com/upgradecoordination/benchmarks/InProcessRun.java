package com.upgradecoordination.benchmarks;

import com.upgradecoordination.platform.audit.chain.LinkHashBenchmark;
import com.upgradecoordination.platform.personaldata.PersonalDataCipherBenchmark;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The JMH benchmarks of this module, one fork per repetition; each fork's score is one value of its figure. */
final class InProcessRun {

    private static final Map<String, String> FIGURES = Map.of(
            "replayTenThousandEvents", "in-process: replay an engagement of 10,000 events (no database)",
            "readSnapshot", "in-process: read an engagement's snapshot",
            "writeSnapshot", "in-process: write an engagement's snapshot",
            "serializeEvent", "in-process: serialize an event for the store",
            "linkOfOneEvent", "in-process: hash-chain link of one event (nine digests and the link)",
            "encryptField", "in-process: seal a personal-data field for the store",
            "decryptField", "in-process: read a personal-data field back");

    static void measure(BenchmarkRun.Plan plan, BenchmarkRun.Results results) throws RunnerException {
        int iterations = plan.quick() ? 1 : 3;
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(InProcessBenchmarks.class.getName())
                .include(LinkHashBenchmark.class.getName())
                .include(PersonalDataCipherBenchmark.class.getName())
                .forks(plan.repetitions())
                .warmupIterations(iterations)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                results.add(FIGURES.getOrDefault(method, "in-process: " + method), "µs",
                        fork.getPrimaryResult().getScore(), null);
            }
        }
    }

    private InProcessRun() {
    }
}
