package com.upgradecoordination.coordination.api;

/**
 * What a performance verdict rests on, so an auditor can tell one kind of verdict from the other.
 *
 * @param kind             BENCHMARK (GitLab's published run for the size, compared test by test) or
 *                         GPT_THRESHOLDS (no benchmark was registered for the size: each test against
 *                         GPT's own pass criteria as the results file states them)
 * @param size             the reference size the run was judged for
 * @param benchmarkVersion the registered benchmark version used; null for GPT_THRESHOLDS
 * @param gitlabVersion    the GitLab version the benchmark ran on; null for GPT_THRESHOLDS
 * @param runDate          the date of the benchmark run; null for GPT_THRESHOLDS
 * @param sourceUrl        where GitLab published the benchmark; null for GPT_THRESHOLDS
 * @param loadProfile      the load profile the run had to use, e.g. {@code 60s_100rps}
 * @param description      the basis in one line, e.g. {@code BENCHMARK 10k v3 (GitLab 14.1.0-pre, 2021-06-24)}
 */
public record PerformanceBasis(String kind, String size, Integer benchmarkVersion, String gitlabVersion,
                               String runDate, String sourceUrl, String loadProfile, String description) {

    public static final String BENCHMARK = "BENCHMARK";
    public static final String GPT_THRESHOLDS = "GPT_THRESHOLDS";

    public static PerformanceBasis benchmark(String size, int version, String gitlabVersion, String runDate,
                                             String sourceUrl, String loadProfile) {
        return new PerformanceBasis(BENCHMARK, size, version, gitlabVersion, runDate, sourceUrl, loadProfile,
                BENCHMARK + " " + size + " v" + version + " (GitLab " + gitlabVersion + ", " + runDate + ")");
    }

    public static PerformanceBasis gptThresholds(String size, String loadProfile) {
        return new PerformanceBasis(GPT_THRESHOLDS, size, null, null, null, null, loadProfile,
                GPT_THRESHOLDS + " " + size + " (each test's own RPS, TTFB p90 and success-rate thresholds at "
                        + loadProfile + "; no GitLab benchmark registered for " + size + ")");
    }

    /**
     * The basis of a comparison stored before bases were recorded: the only benchmark then was the
     * shipped catalog's 10k run, which became version 1 of that size.
     */
    public static PerformanceBasis beforeBasesWereRecorded(String size) {
        return new PerformanceBasis(BENCHMARK, size, 1, null, null, null, null,
                BENCHMARK + " " + size + " v1 (the shipped catalog's run)");
    }
}
