package com.upgradecoordination.coordination.api;

import java.util.List;

/**
 * A performance comparison in the answer to SubmitPerformanceResultsCommand, and as the engagement shows it.
 *
 * @param basis          what the verdict rests on (a benchmark version, or GPT's own thresholds)
 * @param benchmarkScore the reference's overall score (see the PerformanceCompared contract)
 * @param testsCompared  how many tests were judged
 * @param testsFellShort every test that fell short, with its figures against the benchmark or thresholds
 */
public record PerformanceComparisonResult(int planVersion, String verdict, PerformanceBasis basis,
                                        double customerScore, double benchmarkScore, int testsCompared,
                                        List<PerformanceTestDelta> testsFellShort) {

    public static PerformanceComparisonResult of(PerformanceComparedEvent compared) {
        return new PerformanceComparisonResult(compared.planVersion(), compared.verdict(), compared.basisOrInferred(),
                compared.customerScore(), compared.benchmarkScore(), compared.tests().size(),
                compared.tests().stream().filter(PerformanceTestDelta::belowBenchmark).toList());
    }
}
