package com.upgradecoordination.events.coordination;

import java.util.List;

/**
 * A performance comparison in brief, as a support review request carries it.
 *
 * @param testsFellShort the names of the tests that fell short of the basis
 */
public record PerformanceSummary(String verdict, PerformanceBasis basis, double customerScore, double benchmarkScore,
                                 List<String> testsFellShort) {
}
