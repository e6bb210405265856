package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;

/** The ticket moved to the engineer the assignee synced with (SPEC T8). */
@EventContract(type = "TicketHandedOff", version = 1, topic = Topics.REVIEW)
public record TicketHandedOff(
        String ticketId,
        String engagementId,
        @PersonalData String fromEngineer,
        @PersonalData String toEngineer) {
}
