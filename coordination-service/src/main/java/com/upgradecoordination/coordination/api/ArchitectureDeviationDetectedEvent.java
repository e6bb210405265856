package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ArchitectureDeviationDetectedEvent(
        String engagementId, int planVersion, String referenceSize, List<Deviation> deviations) implements EngagementEvent {
}
