package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param resultsJson the GitLab Performance Tool's own {@code _results.json}, as uploaded */
public record SubmitPerformanceResultsCommand(@TargetAggregateIdentifier String engagementId, String resultsJson,
                                              @TargetAggregateVersion Long expectedVersion) {
}
