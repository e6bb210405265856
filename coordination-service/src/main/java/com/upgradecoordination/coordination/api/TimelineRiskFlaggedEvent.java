package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * At 5,000+ users, a target date less than three months after planning started: migrations of
 * that size often take at least three months to plan and execute (SPEC C3).
 */
@Revision("1")
public record TimelineRiskFlaggedEvent(String engagementId, int expectedUsers, LocalDate planningStarted,
                                       LocalDate targetCompletionDate) implements EngagementEvent {
}
