package com.upgradecoordination.coordination.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * The shipped GPT benchmark catalog: the benchmark register's initial data.
 *
 * @param source where the file was loaded from
 */
public record InitialGptBenchmarks(int version, String source, List<Entry> entries) {

    public InitialGptBenchmarks {
        entries = List.copyOf(entries);
    }

    /** @param resultsJson GitLab's published results file for the size, as JSON text */
    public record Entry(String size, String resultsJson, String sourceUrl, LocalDate publishedOn) {
    }
}
