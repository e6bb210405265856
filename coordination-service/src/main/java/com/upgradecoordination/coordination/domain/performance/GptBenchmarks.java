package com.upgradecoordination.coordination.domain.performance;

import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GitLab's published GPT benchmark runs per reference-architecture size (catalog data), and the
 * comparison of a customer's run with the benchmark of the same size.
 *
 * <p>The verdict is AT_OR_ABOVE_BENCHMARK when the customer's overall score is at least the
 * benchmark's (less {@link #SCORE_TOLERANCE} points of run-to-run noise) and no test that passed in
 * the benchmark failed or is missing in the customer's run; otherwise BELOW_BENCHMARK.
 */
public final class GptBenchmarks {

    public static final double SCORE_TOLERANCE = 1.0;

    private final int version;
    private final Map<String, GptRun> bySize;
    private final Map<String, Integer> apiRpsBySize;

    public GptBenchmarks(int version, Map<String, GptRun> bySize, Map<String, Integer> apiRpsBySize) {
        this.version = version;
        this.bySize = Map.copyOf(bySize);
        this.apiRpsBySize = Map.copyOf(apiRpsBySize);
    }

    public int version() {
        return version;
    }

    public Optional<GptRun> benchmarkFor(String size) {
        return Optional.ofNullable(bySize.get(size));
    }

    public PerformanceComparison compare(String size, GptRun customer) {
        Integer expectedRps = apiRpsBySize.get(size);
        if (expectedRps != null && customer.optionRps() != expectedRps) {
            throw new IllegalArgumentException("GPT results: the run used load profile " + customer.option()
                    + " but the " + size + " reference architecture is tested at " + expectedRps
                    + " RPS (e.g. 60s_" + expectedRps + "rps); run GPT with the profile for " + size);
        }
        GptRun benchmark = benchmarkFor(size).orElseThrow(() -> new RuleViolationException("no-benchmark",
                "The benchmark catalog v" + version + " has no GPT benchmark run for " + size
                        + "; add GitLab's published run for that size before comparing"));
        Map<String, GptTestResult> customerTests = customer.tests().stream()
                .collect(Collectors.toMap(GptTestResult::name, Function.identity(), (a, b) -> a));
        List<PerformanceComparison.TestDelta> deltas = new ArrayList<>();
        boolean regressed = false;
        for (GptTestResult reference : benchmark.tests()) {
            GptTestResult actual = customerTests.get(reference.name());
            if (actual == null) {
                deltas.add(new PerformanceComparison.TestDelta(reference.name(), false, null, null, null, true));
                regressed |= reference.passed();
                continue;
            }
            boolean failedWherePassed = reference.passed() && !actual.passed();
            double scoreDelta = actual.score() - reference.score();
            deltas.add(new PerformanceComparison.TestDelta(reference.name(), actual.passed(), round(scoreDelta),
                    round(actual.rpsResult() - reference.rpsResult()), round(actual.ttfbP90Ms() - reference.ttfbP90Ms()),
                    failedWherePassed || scoreDelta < -SCORE_TOLERANCE));
            regressed |= failedWherePassed;
        }
        double customerScore = customer.overallScore();
        double benchmarkScore = benchmark.overallScore();
        boolean atOrAbove = !regressed && customerScore >= benchmarkScore - SCORE_TOLERANCE;
        return new PerformanceComparison(size, atOrAbove ? PerformanceComparison.AT_OR_ABOVE : PerformanceComparison.BELOW,
                round(customerScore), round(benchmarkScore), deltas);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
