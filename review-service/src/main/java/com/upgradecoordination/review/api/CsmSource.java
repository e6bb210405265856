package com.upgradecoordination.review.api;

/** Where review-service learnt the organisation's CSM (SPEC T3). */
public enum CsmSource {
    /** Named in the request itself. */
    REQUEST,
    /** Known from coordination-service's EngagementOpened events. */
    COORDINATION
}
