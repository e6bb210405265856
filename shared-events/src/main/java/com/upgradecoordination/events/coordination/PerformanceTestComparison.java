package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.AddedWithinVersion;
import java.util.List;

/**
 * One GPT test of a PerformanceCompared, judged against the comparison's basis. Deltas are customer
 * minus reference (the benchmark's result, or on GPT_THRESHOLDS the test's threshold; no score delta
 * there), null when either side has no value.
 *
 * @param belowBenchmark the test fell short of the basis
 * @param customer       the customer's figures; absent in events published before they were carried, and
 *                       where the customer's run lacks the test
 * @param reference      the benchmark run's figures, or on GPT_THRESHOLDS the test's thresholds; absent in
 *                       events published before they were carried
 * @param shortOn        why it fell short: MISSING, FAILED, RPS, TTFB_P90, SUCCESS_RATE, SCORE; absent in
 *                       events published before it was carried
 */
public record PerformanceTestComparison(String test, boolean customerPassed, Double scoreDelta, Double rpsDelta,
                                        Double ttfbP90DeltaMs, boolean belowBenchmark,
                                        @AddedWithinVersion TestFigures customer,
                                        @AddedWithinVersion TestFigures reference,
                                        @AddedWithinVersion List<String> shortOn) {

    /** A test's RPS, TTFB p90 (ms) and success rate (%), measured or as thresholds. */
    public record TestFigures(double rps, double ttfbP90Ms, double successRate) {
    }
}
