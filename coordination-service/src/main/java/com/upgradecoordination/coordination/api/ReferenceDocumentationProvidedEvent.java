package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Without ProServ the CSM provides documentation, never a detailed plan (SPEC C3). */
@Revision("1")
public record ReferenceDocumentationProvidedEvent(String engagementId, List<String> links) implements EngagementEvent {
}
