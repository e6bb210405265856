package com.upgradecoordination.events.coordination;

/**
 * What a performance verdict rests on.
 *
 * @param kind             BENCHMARK (GitLab's published run for the size, registered as a version) or
 *                         GPT_THRESHOLDS (none registered: each test against GPT's own pass criteria)
 * @param benchmarkVersion the registered benchmark version used; null on GPT_THRESHOLDS
 * @param gitlabVersion    the GitLab version the benchmark ran on; null on GPT_THRESHOLDS
 * @param runDate          the benchmark run's date; null on GPT_THRESHOLDS
 * @param sourceUrl        where GitLab published the benchmark; null on GPT_THRESHOLDS
 * @param loadProfile      the load profile the run had to use, e.g. {@code 60s_100rps}
 * @param description      the basis in one line, e.g. {@code BENCHMARK 10k v3 (GitLab 14.1.0-pre, 2021-06-24)}
 */
public record PerformanceBasis(String kind, String size, Integer benchmarkVersion, String gitlabVersion,
                               String runDate, String sourceUrl, String loadProfile, String description) {
}
