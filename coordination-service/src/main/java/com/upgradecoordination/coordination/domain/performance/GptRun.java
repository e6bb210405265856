package com.upgradecoordination.coordination.domain.performance;

import java.util.List;

/**
 * A GitLab Performance Tool run: the environment it measured, the load profile and every test.
 *
 * @param option the load profile, e.g. {@code 60s_200rps}; its RPS names the size it was made for
 */
public record GptRun(String environment, String gitlabVersion, String gptVersion, String option, String date,
                     List<GptTestResult> tests) {

    public GptRun {
        tests = List.copyOf(tests);
    }

    /** GPT's overall score: the mean of the counted tests' scores, capped at 100. */
    public double overallScore() {
        return Math.min(100.0, tests.stream().filter(GptTestResult::countsTowardsOverallScore)
                .mapToDouble(GptTestResult::score).average().orElse(0));
    }

    /** The overall score of a run that exactly meets each counted test's RPS and success-rate thresholds. */
    public double scoreAtThresholds() {
        return Math.min(100.0, tests.stream().filter(GptTestResult::countsTowardsOverallScore)
                .mapToDouble(GptTestResult::scoreAtThresholds).average().orElse(0));
    }

    /** The target RPS the load profile names ({@code 60s_200rps} -> 200), or -1 when it names none. */
    public int optionRps() {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("_(\\d+)rps$").matcher(option);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
