package com.upgradecoordination.coordination.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** C7: a plan version shared with Support, with what Support needs to review it as it stood then. */
@Revision("1")
public record PlanSharedWithSupportEvent(
        String engagementId,
        String planReviewId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        String planDocumentUrl,
        boolean conforms,
        List<Deviation> deviations) implements EngagementEvent {
}
