package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * The customer engaged or declined Professional Services (SPEC C3).
 *
 * @param decision ENGAGED or DECLINED
 * @param reason   why the customer declined; null when engaged
 */
@EventContract(type = "ProfessionalServicesDecided", version = 1, topic = Topics.COORDINATION)
public record ProfessionalServicesDecided(String engagementId, String decision, String reason) {
}
