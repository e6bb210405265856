package com.upgradecoordination.coordination.api;

/** One GPT test compared with the benchmark; deltas are customer minus benchmark, null where the test is missing. */
public record PerformanceTestDelta(String test, boolean customerPassed, Double scoreDelta, Double rpsDelta,
                                   Double ttfbP90DeltaMs, boolean belowBenchmark) {
}
