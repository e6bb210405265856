package com.upgradecoordination.review.api;

/** Support's verdict on a deviating architecture (SPEC C6f, T12). */
public enum SupportVerdict {
    SUPPORTABLE,
    SUPPORTABLE_WITH_CHANGES,
    NOT_SUPPORTABLE;

    /** Only a plain "supportable" may come without recommendations. */
    public boolean needsRecommendations() {
        return this != SUPPORTABLE;
    }
}
