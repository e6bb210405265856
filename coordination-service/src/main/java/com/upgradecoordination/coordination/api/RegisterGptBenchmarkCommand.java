package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers GitLab's published GPT benchmark run for a reference size as its next version.
 *
 * @param resultsJson GitLab's published GPT results file for the size, in GPT's own format
 * @param sourceUrl   where GitLab published it
 * @param publishedOn the date GitLab published it
 */
public record RegisterGptBenchmarkCommand(String size, String resultsJson, String sourceUrl, LocalDate publishedOn) {

    @TargetAggregateIdentifier
    public String seriesId() {
        return GptBenchmarkSeriesId.of(size);
    }
}
