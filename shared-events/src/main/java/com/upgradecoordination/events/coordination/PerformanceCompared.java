package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.AddedWithinVersion;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * The customer's GPT results judged for the reference size (SPEC C6e); the uploaded file itself stays
 * in coordination-service. Fields added within version 1 are optional: a consumer of the first shape
 * reads on.
 *
 * @param verdict        AT_OR_ABOVE_BENCHMARK or BELOW_BENCHMARK on a BENCHMARK basis; MEETS_GPT_THRESHOLDS
 *                       or BELOW_GPT_THRESHOLDS on a GPT_THRESHOLDS basis
 * @param benchmarkScore the reference's overall score: the benchmark run's, or on GPT_THRESHOLDS that of a
 *                       run exactly at every test's thresholds
 * @param basis          what the verdict rests on (added in v1; absent in events published before)
 */
@EventContract(type = "PerformanceCompared", version = 1, topic = Topics.COORDINATION)
public record PerformanceCompared(String engagementId, int planVersion, String referenceSize, String verdict,
                                  double customerScore, double benchmarkScore, List<PerformanceTestComparison> tests,
                                  @AddedWithinVersion PerformanceBasis basis) {
}
