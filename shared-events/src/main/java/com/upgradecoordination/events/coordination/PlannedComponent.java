package com.upgradecoordination.events.coordination;

/**
 * One component of a proposed architecture.
 *
 * @param placement VM or KUBERNETES
 */
public record PlannedComponent(String component, int nodes, double vcpu, double memoryGb, String placement) {
}
