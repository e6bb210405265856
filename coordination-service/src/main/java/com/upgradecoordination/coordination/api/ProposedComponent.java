package com.upgradecoordination.coordination.api;

import java.util.Objects;

/** One component of a proposed architecture: how many nodes of what size, and where. */
public record ProposedComponent(String component, int nodes, double vcpu, double memoryGb, Placement placement) {

    public ProposedComponent {
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("component: a name is required");
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes of " + component + ": at least 1");
        }
        if (vcpu <= 0 || memoryGb <= 0) {
            throw new IllegalArgumentException("vcpu and memoryGb of " + component + ": must be positive");
        }
        Objects.requireNonNull(placement, "placement");
    }
}
