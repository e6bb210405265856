package com.upgradecoordination.benchmarks;

import org.HdrHistogram.Histogram;

/** What one load phase did: requests completed in its time, and their latencies. */
record Load(long completed, long failed, double seconds, Histogram latencies) {

    double perSecond() {
        return completed / seconds;
    }

    double p50Millis() {
        return latencies.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return latencies.getValueAtPercentile(99) / 1000.0;
    }
}
