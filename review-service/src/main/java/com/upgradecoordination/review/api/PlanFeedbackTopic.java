package com.upgradecoordination.review.api;

/** What a feedback item of a plan review is about (SPEC C7, T11). */
public enum PlanFeedbackTopic {
    UPGRADE_PLAN,
    ROLLBACK_PLAN,
    ARCHITECTURE,
    OTHER
}
