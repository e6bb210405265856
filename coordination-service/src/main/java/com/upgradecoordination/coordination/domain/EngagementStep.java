package com.upgradecoordination.coordination.domain;

/** Where an engagement stands, as the internal apps show and filter it. Stable names: clients rely on them. */
public enum EngagementStep {
    /** Opened; the customer's requirements are not recorded yet. */
    OPENED,
    /** Sized; no plan submitted yet. */
    REQUIREMENTS_RECORDED,
    /** A new plan version is expected: the customer will revise, or Support found the last one not supportable. */
    PLANNING,
    /** The latest plan conforms to its reference architecture. */
    PLAN_CONFORMS,
    /** The latest plan deviates and its deviation process (a-h) is under way. */
    DEVIATION_PROCESS,
    /** As DEVIATION_PROCESS, with Support's review of the deviation pending. */
    AWAITING_SUPPORT_REVIEW,
    /** The latest plan's deviation is accepted. */
    DEVIATION_ACCEPTED,
    MIGRATING,
    MIGRATION_COMPLETED,
    CLOSED
}
