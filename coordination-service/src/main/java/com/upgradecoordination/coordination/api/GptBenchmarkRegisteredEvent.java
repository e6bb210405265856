package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A version of GitLab's published GPT benchmark run for a size; who registered it and when are in the
 * event's audit metadata and timestamp. Kept inside coordination-service (no integration contract).
 *
 * @param resultsJson the results file as registered, so every comparison against it can be re-checked
 */
@Revision("1")
public record GptBenchmarkRegisteredEvent(String size, int version, String gitlabVersion, String gptVersion,
                                          String loadProfile, String runDate, double overallScore, int testCount,
                                          String sourceUrl, LocalDate publishedOn, String resultsJson) {
}
