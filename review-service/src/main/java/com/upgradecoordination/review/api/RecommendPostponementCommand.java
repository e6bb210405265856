package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Support recommends postponing the upgrade (SPEC T10). */
public record RecommendPostponementCommand(
        @TargetAggregateIdentifier String ticketId,
        List<PostponementReason> reasons,
        String explanation,
        @TargetAggregateVersion Long expectedVersion) {
}
