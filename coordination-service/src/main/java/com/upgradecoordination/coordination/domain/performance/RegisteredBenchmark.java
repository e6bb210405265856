package com.upgradecoordination.coordination.domain.performance;

/**
 * One registered version of GitLab's published GPT benchmark run for a reference size.
 *
 * @param sourceUrl   where GitLab published the run
 * @param publishedOn when GitLab published it (ISO date)
 */
public record RegisteredBenchmark(String size, int version, GptRun run, String sourceUrl, String publishedOn) {
}
