package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * The customer hit a problem during the migration (SPEC C8).
 *
 * @param routedTo SUPPORT (no ProServ: Support is the primary contact and opens or joins a ticket)
 *                 or PROFESSIONAL_SERVICES
 */
@EventContract(type = "MigrationProblemReported", version = 1, topic = Topics.COORDINATION)
public record MigrationProblemReported(String engagementId, String problemId, String description, String routedTo) {
}
