package com.upgradecoordination.analytics;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles: always a value that was measured, the same in any order. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percent}th percentile as ISO-8601 (e.g. PT26H), or null when there is no value. */
    static String of(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1).toString();
    }
}
