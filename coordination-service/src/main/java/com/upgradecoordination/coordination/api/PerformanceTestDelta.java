package com.upgradecoordination.coordination.api;

import java.util.List;

/**
 * One GPT test judged against the comparison's basis. Deltas are customer minus reference (the
 * benchmark's result, or for GPT_THRESHOLDS the test's threshold; no score delta there); null where
 * the customer's run lacks the test. Comparisons stored before the figures were recorded have null
 * {@code customer}, {@code reference} and {@code shortOn}.
 *
 * @param belowBenchmark the test fell short of the basis (its benchmark, or its own thresholds)
 * @param shortOn        why it fell short: MISSING, FAILED (failed where the benchmark passed, or
 *                       failed its thresholds), RPS, TTFB_P90, SUCCESS_RATE (which figures missed
 *                       their threshold), SCORE (more than the tolerance below the benchmark's score)
 */
public record PerformanceTestDelta(String test, boolean customerPassed, Double scoreDelta, Double rpsDelta,
                                   Double ttfbP90DeltaMs, boolean belowBenchmark, PerformanceFigures customer,
                                   PerformanceFigures reference, List<String> shortOn) {
}
