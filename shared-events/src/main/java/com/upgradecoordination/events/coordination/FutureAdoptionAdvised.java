package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The customer was told they may later be asked to adopt a reference architecture (SPEC C6g). */
@EventContract(type = "FutureAdoptionAdvised", version = 1, topic = Topics.COORDINATION)
public record FutureAdoptionAdvised(String engagementId, int planVersion) {
}
