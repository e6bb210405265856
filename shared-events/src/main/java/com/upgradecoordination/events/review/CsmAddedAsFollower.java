package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;

/** @param source REQUEST or COORDINATION: where Support learnt the CSM (SPEC T3) */
@EventContract(type = "CsmAddedAsFollower", version = 1, topic = Topics.REVIEW)
public record CsmAddedAsFollower(
        String ticketId,
        String engagementId,
        @PersonalData String csm,
        String source) {
}
