package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MigrationProblemReportedEvent(String engagementId, String problemId, String description,
                                            ProblemRoute routedTo) implements EngagementEvent {
}
