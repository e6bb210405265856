package com.upgradecoordination.coordination.domain.performance;

/** Reads the GitLab Performance Tool's results file; the JSON handling lives outside the domain. */
@FunctionalInterface
public interface GptResultsFormat {

    /**
     * @throws IllegalArgumentException naming the field when the file is not GPT's results format
     */
    GptRun read(String resultsJson);
}
