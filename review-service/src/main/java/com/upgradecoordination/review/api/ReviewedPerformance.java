package com.upgradecoordination.review.api;

import java.util.List;

/**
 * The customer's GPT results as coordination-service judged them, with what the verdict rests on.
 *
 * @param verdict          AT_OR_ABOVE_BENCHMARK / BELOW_BENCHMARK, or MEETS_GPT_THRESHOLDS / BELOW_GPT_THRESHOLDS
 * @param basisKind        BENCHMARK or GPT_THRESHOLDS
 * @param benchmarkVersion the registered benchmark version compared with; null on GPT_THRESHOLDS
 * @param basis            the basis in one line, e.g. {@code BENCHMARK 10k v3 (GitLab 14.1.0-pre, 2021-06-24)}
 * @param testsFellShort   the tests that fell short of the basis
 */
public record ReviewedPerformance(String verdict, String basisKind, Integer benchmarkVersion, String basis,
                                  double customerScore, double benchmarkScore, List<String> testsFellShort) {
}
