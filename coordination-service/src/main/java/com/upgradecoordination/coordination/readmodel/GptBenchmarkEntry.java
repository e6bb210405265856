package com.upgradecoordination.coordination.readmodel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One registered version of GitLab's published GPT benchmark run for a size.
 *
 * @param latest        the version new comparisons of the size use
 * @param registeredBy  who registered it (the service itself for the shipped catalog's initial data)
 * @param origin        where the registration came from, e.g. {@code HTTP PUT /gpt-benchmarks/5k}
 */
public record GptBenchmarkEntry(String size, int version, boolean latest, String gitlabVersion, String gptVersion,
                                String loadProfile, String runDate, double overallScore, int testCount,
                                String sourceUrl, LocalDate publishedOn, String registeredBy, String registeredRole,
                                Instant registeredAt, String origin) {
}
