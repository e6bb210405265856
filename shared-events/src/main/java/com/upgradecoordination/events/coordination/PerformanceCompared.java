package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * The customer's GPT results compared test by test with the benchmark of the same size (SPEC C6e); the
 * uploaded file itself stays in coordination-service.
 *
 * @param verdict AT_OR_ABOVE_BENCHMARK or BELOW_BENCHMARK
 */
@EventContract(type = "PerformanceCompared", version = 1, topic = Topics.COORDINATION)
public record PerformanceCompared(String engagementId, int planVersion, String referenceSize, String verdict,
                                  double customerScore, double benchmarkScore, List<PerformanceTestComparison> tests) {
}
