package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * A CSM opened an upgrade engagement for a customer (SPEC C1).
 *
 * @param reasons        CLOUD_PROVIDER_MOVE, KUBERNETES, GROWTH, OTHER
 * @param deploymentType the customer's current deployment, e.g. OMNIBUS, HELM, HYBRID
 */
@EventContract(type = "EngagementOpened", version = 1, topic = Topics.COORDINATION)
public record EngagementOpened(
        String engagementId,
        String customerOrganisation,
        @PersonalData String csm,
        List<String> reasons,
        String deploymentType) {
}
