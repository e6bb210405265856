package com.upgradecoordination.review.api;

/** What the customer reports after the upgrade window (SPEC T9). */
public enum UpgradeOutcome {
    SUCCEEDED,
    FAILED,
    ROLLED_BACK;

    /** Only a successful upgrade solves the ticket; anything else reopens it. */
    public boolean solves() {
        return this == SUCCEEDED;
    }
}
