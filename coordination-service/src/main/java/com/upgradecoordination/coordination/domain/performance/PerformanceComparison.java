package com.upgradecoordination.coordination.domain.performance;

import java.util.List;

/**
 * A customer's GPT run compared, test by test, with GitLab's benchmark run of the same size.
 *
 * @param verdict AT_OR_ABOVE_BENCHMARK or BELOW_BENCHMARK
 */
public record PerformanceComparison(String size, String verdict, double customerScore, double benchmarkScore,
                                    List<TestDelta> tests) {

    public static final String AT_OR_ABOVE = "AT_OR_ABOVE_BENCHMARK";
    public static final String BELOW = "BELOW_BENCHMARK";

    /**
     * One test's difference. Deltas are customer minus benchmark; null where the customer's run
     * lacks the test.
     */
    public record TestDelta(String test, boolean customerPassed, Double scoreDelta, Double rpsDelta,
                            Double ttfbP90DeltaMs, boolean belowBenchmark) {
    }
}
