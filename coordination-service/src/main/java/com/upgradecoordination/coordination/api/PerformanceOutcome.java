package com.upgradecoordination.coordination.api;

import java.util.List;

/**
 * A performance comparison in brief, as Support gets it with a review request.
 *
 * @param testsFellShort the names of the tests that fell short of the basis
 */
public record PerformanceOutcome(String verdict, PerformanceBasis basis, double customerScore,
                                 double benchmarkScore, List<String> testsFellShort) {

    public static PerformanceOutcome of(PerformanceComparedEvent compared) {
        return new PerformanceOutcome(compared.verdict(), compared.basisOrInferred(), compared.customerScore(),
                compared.benchmarkScore(), compared.tests().stream().filter(PerformanceTestDelta::belowBenchmark)
                        .map(PerformanceTestDelta::test).toList());
    }
}
