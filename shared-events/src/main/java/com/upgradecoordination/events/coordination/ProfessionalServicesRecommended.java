package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** @param strength RECOMMENDED, or HIGHLY_RECOMMENDED from 5,000 expected users (SPEC C3) */
@EventContract(type = "ProfessionalServicesRecommended", version = 1, topic = Topics.COORDINATION)
public record ProfessionalServicesRecommended(String engagementId, String strength, int expectedUsers) {
}
