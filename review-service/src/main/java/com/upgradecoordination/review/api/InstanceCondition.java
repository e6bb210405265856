package com.upgradecoordination.review.api;

/**
 * Facts about the customer's instance that decide whether a conditional upgrade stop applies
 * (reference/upgrade-stops.md). Support asks about them rather than assuming either way.
 */
public enum InstanceCondition {
    MULTIPLE_WEB_NODES,
    LOTS_OF_USERS,
    LARGE_PIPELINE_VARIABLES_HISTORY,
    NPM_PACKAGES_IN_REGISTRY,
    LARGE_CI_PIPELINE_MESSAGES_TABLE
}
