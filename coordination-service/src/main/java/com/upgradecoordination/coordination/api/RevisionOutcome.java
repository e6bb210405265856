package com.upgradecoordination.coordination.api;

/** What came of discussing a revision towards the reference architecture (SPEC C6b). */
public enum RevisionOutcome {
    /** A new plan version is expected. */
    WILL_REVISE,
    CANNOT_REVISE,
    WILL_NOT_REVISE
}
