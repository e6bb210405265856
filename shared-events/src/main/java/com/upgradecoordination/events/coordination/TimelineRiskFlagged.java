package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.LocalDate;

/** 5,000+ users and less than three months between planning start and target date (SPEC C3). */
@EventContract(type = "TimelineRiskFlagged", version = 1, topic = Topics.COORDINATION)
public record TimelineRiskFlagged(String engagementId, int expectedUsers, LocalDate planningStarted,
                                  LocalDate targetCompletionDate) {
}
