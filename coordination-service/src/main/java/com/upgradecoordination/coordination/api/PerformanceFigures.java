package com.upgradecoordination.coordination.api;

/**
 * One GPT test's three measured figures, or the reference they are held against (a benchmark run's
 * figures, or the test's own thresholds).
 */
public record PerformanceFigures(double rps, double ttfbP90Ms, double successRate) {
}
