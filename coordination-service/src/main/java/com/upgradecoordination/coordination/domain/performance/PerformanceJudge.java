package com.upgradecoordination.coordination.domain.performance;

import com.upgradecoordination.coordination.api.PerformanceBasis;
import com.upgradecoordination.coordination.api.PerformanceFigures;
import com.upgradecoordination.coordination.api.PerformanceTestDelta;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges a customer's GPT run for its reference size (SPEC C6e). The run must use the size's load
 * profile. Then, on one of two bases:
 * <ul>
 *   <li><b>BENCHMARK</b>, where GitLab's published run for the size is registered: test by test
 *       against it. AT_OR_ABOVE_BENCHMARK when the customer's overall score is at least the
 *       benchmark's (less {@link #SCORE_TOLERANCE} points of run-to-run noise) and no test that
 *       passed in the benchmark failed or is missing; otherwise BELOW_BENCHMARK.</li>
 *   <li><b>GPT_THRESHOLDS</b>, where none is: each test against GPT's own pass criteria as the
 *       results file states them (RPS, TTFB p90, success rate). MEETS_GPT_THRESHOLDS when every test
 *       passes; otherwise BELOW_GPT_THRESHOLDS. The reference score is that of a run exactly at
 *       every test's thresholds.</li>
 * </ul>
 */
public final class PerformanceJudge {

    public static final double SCORE_TOLERANCE = 1.0;

    private PerformanceJudge() {
    }

    public static PerformanceComparison judge(ReferenceArchitecture size, Optional<RegisteredBenchmark> benchmark,
                                              GptRun customer) {
        if (customer.optionRps() != size.apiRps()) {
            throw new IllegalArgumentException("GPT results: the run used load profile " + customer.option()
                    + " but the " + size.size() + " reference architecture is tested at " + size.apiRps()
                    + " RPS (" + loadProfile(size) + "); run GPT with the profile for " + size.size());
        }
        return benchmark.map(b -> againstBenchmark(size, b, customer))
                .orElseGet(() -> againstThresholds(size, customer));
    }

    /** GPT's load profile for the size, e.g. {@code 60s_100rps} for 5k. */
    public static String loadProfile(ReferenceArchitecture size) {
        return "60s_" + size.apiRps() + "rps";
    }

    private static PerformanceComparison againstBenchmark(ReferenceArchitecture size, RegisteredBenchmark benchmark,
                                                          GptRun customer) {
        GptRun reference = benchmark.run();
        Map<String, GptTestResult> customerTests = customer.tests().stream()
                .collect(Collectors.toMap(GptTestResult::name, Function.identity(), (a, b) -> a));
        List<PerformanceTestDelta> deltas = new ArrayList<>();
        boolean regressed = false;
        for (GptTestResult expected : reference.tests()) {
            GptTestResult actual = customerTests.get(expected.name());
            if (actual == null) {
                deltas.add(new PerformanceTestDelta(expected.name(), false, null, null, null, true, null,
                        measured(expected), List.of("MISSING")));
                regressed |= expected.passed();
                continue;
            }
            boolean failedWherePassed = expected.passed() && !actual.passed();
            double scoreDelta = actual.score() - expected.score();
            List<String> shortOn = new ArrayList<>();
            if (failedWherePassed) {
                shortOn.add("FAILED");
                shortOn.addAll(thresholdsMissed(actual));
            }
            if (scoreDelta < -SCORE_TOLERANCE) {
                shortOn.add("SCORE");
            }
            deltas.add(new PerformanceTestDelta(expected.name(), actual.passed(), round(scoreDelta),
                    round(actual.rpsResult() - expected.rpsResult()), round(actual.ttfbP90Ms() - expected.ttfbP90Ms()),
                    !shortOn.isEmpty(), measured(actual), measured(expected), List.copyOf(shortOn)));
            regressed |= failedWherePassed;
        }
        double customerScore = customer.overallScore();
        double benchmarkScore = reference.overallScore();
        boolean atOrAbove = !regressed && customerScore >= benchmarkScore - SCORE_TOLERANCE;
        PerformanceBasis basis = PerformanceBasis.benchmark(size.size(), benchmark.version(), reference.gitlabVersion(),
                reference.date(), benchmark.sourceUrl(), reference.option());
        return new PerformanceComparison(size.size(),
                atOrAbove ? PerformanceComparison.AT_OR_ABOVE : PerformanceComparison.BELOW, basis,
                round(customerScore), round(benchmarkScore), deltas);
    }

    private static PerformanceComparison againstThresholds(ReferenceArchitecture size, GptRun customer) {
        List<PerformanceTestDelta> deltas = customer.tests().stream()
                .map(test -> {
                    List<String> missed = thresholdsMissed(test);
                    List<String> shortOn = missed.isEmpty() ? List.of()
                            : java.util.stream.Stream.concat(java.util.stream.Stream.of("FAILED"), missed.stream()).toList();
                    return new PerformanceTestDelta(test.name(), test.passed(), null,
                            round(test.rpsResult() - test.rpsThreshold()), round(test.ttfbP90Ms() - test.ttfbP90ThresholdMs()),
                            !test.passed(), measured(test), thresholds(test), shortOn);
                })
                .toList();
        boolean allPassed = customer.tests().stream().allMatch(GptTestResult::passed);
        return new PerformanceComparison(size.size(),
                allPassed ? PerformanceComparison.MEETS_THRESHOLDS : PerformanceComparison.BELOW_THRESHOLDS,
                PerformanceBasis.gptThresholds(size.size(), loadProfile(size)),
                round(customer.overallScore()), round(customer.scoreAtThresholds()), deltas);
    }

    /** Which of GPT's pass criteria the test missed, in GPT's order. */
    private static List<String> thresholdsMissed(GptTestResult test) {
        List<String> missed = new ArrayList<>();
        if (test.rpsResult() < test.rpsThreshold()) {
            missed.add("RPS");
        }
        if (test.ttfbP90Ms() >= test.ttfbP90ThresholdMs()) {
            missed.add("TTFB_P90");
        }
        if (test.successRate() <= test.successRateThreshold()) {
            missed.add("SUCCESS_RATE");
        }
        return missed;
    }

    private static PerformanceFigures measured(GptTestResult test) {
        return new PerformanceFigures(test.rpsResult(), test.ttfbP90Ms(), test.successRate());
    }

    private static PerformanceFigures thresholds(GptTestResult test) {
        return new PerformanceFigures(test.rpsThreshold(), test.ttfbP90ThresholdMs(), test.successRateThreshold());
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
