package com.upgradecoordination.coordination.domain.performance;

/**
 * One test of a GitLab Performance Tool run, with the tool's own thresholds.
 *
 * @param rpsThreshold       the RPS the test had to reach (by default 0.8 x target)
 * @param ttfbP90ThresholdMs the p90 time to first byte the test had to stay under
 * @param successRate        percentage of successful requests (HTTP 200/201)
 */
public record GptTestResult(
        String name,
        double rpsTarget,
        double rpsResult,
        double rpsThreshold,
        double ttfbP90Ms,
        double ttfbP90ThresholdMs,
        double successRate,
        double successRateThreshold) {

    /** GPT's pass rule: enough throughput, fast enough at p90, and more than the success threshold. */
    public boolean passed() {
        return rpsResult >= rpsThreshold && ttfbP90Ms < ttfbP90ThresholdMs && successRate > successRateThreshold;
    }

    /** GPT's per-test score: achieved share of the target throughput times the success rate. */
    public double score() {
        return rpsTarget <= 0 ? 0 : rpsResult / rpsTarget * successRate;
    }

    /** The score of this test had it exactly met its RPS and success-rate thresholds. */
    public double scoreAtThresholds() {
        return rpsTarget <= 0 ? 0 : rpsThreshold / rpsTarget * successRateThreshold;
    }

    /** GPT leaves tests with a lowered RPS threshold out of the overall score. */
    public boolean countsTowardsOverallScore() {
        return rpsThreshold >= 0.8 * rpsTarget - 1e-9;
    }
}
