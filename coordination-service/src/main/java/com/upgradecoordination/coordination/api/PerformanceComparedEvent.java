package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The customer's GPT run judged for its reference size (SPEC C6e).
 *
 * @param verdict        AT_OR_ABOVE_BENCHMARK or BELOW_BENCHMARK on a BENCHMARK basis;
 *                       MEETS_GPT_THRESHOLDS or BELOW_GPT_THRESHOLDS on a GPT_THRESHOLDS basis
 * @param benchmarkScore the reference's overall score: the benchmark run's, or on GPT_THRESHOLDS the
 *                       score of a run that exactly meets every test's thresholds
 * @param basis          what the verdict rests on; null in comparisons stored before it was recorded
 *                       (read through {@link #basisOrInferred()})
 */
@Revision("1")
public record PerformanceComparedEvent(String engagementId, int planVersion, String referenceSize, String verdict,
                                       double customerScore, double benchmarkScore, List<PerformanceTestDelta> tests,
                                       PerformanceBasis basis)
        implements EngagementEvent {

    public PerformanceBasis basisOrInferred() {
        return basis != null ? basis : PerformanceBasis.beforeBasesWereRecorded(referenceSize);
    }
}
