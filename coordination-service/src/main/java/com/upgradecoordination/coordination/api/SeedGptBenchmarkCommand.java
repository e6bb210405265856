package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers the shipped catalog's benchmark run for a size as its first version, unless the size
 * already has one; sent at start-up, so every instance may send it.
 */
public record SeedGptBenchmarkCommand(String size, String resultsJson, String sourceUrl, LocalDate publishedOn) {

    @TargetAggregateIdentifier
    public String seriesId() {
        return GptBenchmarkSeriesId.of(size);
    }
}
