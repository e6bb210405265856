package com.upgradecoordination.coordination.domain.performance;

import com.upgradecoordination.coordination.api.PerformanceBasis;
import com.upgradecoordination.coordination.api.PerformanceTestDelta;
import java.util.List;

/**
 * A customer's GPT run judged for its reference size, test by test, against its basis.
 *
 * @param verdict        one of {@link #AT_OR_ABOVE}, {@link #BELOW} (BENCHMARK basis),
 *                       {@link #MEETS_THRESHOLDS}, {@link #BELOW_THRESHOLDS} (GPT_THRESHOLDS basis)
 * @param benchmarkScore the reference's overall score (see {@link PerformanceJudge})
 */
public record PerformanceComparison(String size, String verdict, PerformanceBasis basis, double customerScore,
                                    double benchmarkScore, List<PerformanceTestDelta> tests) {

    public static final String AT_OR_ABOVE = "AT_OR_ABOVE_BENCHMARK";
    public static final String BELOW = "BELOW_BENCHMARK";
    public static final String MEETS_THRESHOLDS = "MEETS_GPT_THRESHOLDS";
    public static final String BELOW_THRESHOLDS = "BELOW_GPT_THRESHOLDS";

    public PerformanceComparison {
        tests = List.copyOf(tests);
    }
}
