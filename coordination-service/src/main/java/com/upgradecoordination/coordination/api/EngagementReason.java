package com.upgradecoordination.coordination.api;

/** Why the customer moves to new infrastructure (SPEC C1). */
public enum EngagementReason { CLOUD_PROVIDER_MOVE, KUBERNETES, GROWTH, OTHER }
