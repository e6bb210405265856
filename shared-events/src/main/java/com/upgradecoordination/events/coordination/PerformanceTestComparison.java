package com.upgradecoordination.events.coordination;

/**
 * One GPT test of a PerformanceCompared: the customer's result against the benchmark's. Deltas are
 * customer minus benchmark, null when either side has no value.
 */
public record PerformanceTestComparison(String test, boolean customerPassed, Double scoreDelta, Double rpsDelta,
                                        Double ttfbP90DeltaMs, boolean belowBenchmark) {
}
