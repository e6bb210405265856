package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** @param verdict AT_OR_ABOVE_BENCHMARK or BELOW_BENCHMARK */
@Revision("1")
public record PerformanceComparedEvent(String engagementId, int planVersion, String referenceSize, String verdict,
                                       double customerScore, double benchmarkScore, List<PerformanceTestDelta> tests)
        implements EngagementEvent {
}
