package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** The customer's GPT results, kept as uploaded so the comparison can always be re-checked. */
@Revision("1")
public record PerformanceResultsSubmittedEvent(String engagementId, int planVersion, String gptVersion,
                                               String option, String runDate, String resultsJson)
        implements EngagementEvent {
}
