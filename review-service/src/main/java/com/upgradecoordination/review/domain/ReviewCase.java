package com.upgradecoordination.review.domain;

/**
 * What the rules shared by plan reviews and architecture support reviews read of a review.
 *
 * @param kind     "Plan review" or "Support review": the reasons name it, the rules are named after it
 * @param reviewId null until the review is open
 */
record ReviewCase(String kind, String reviewId, String engagementId, boolean completed) {

    /** The rule's stable name for this kind of review, e.g. {@code plan-review-already-open}. */
    String rule(String broken) {
        return kind.toLowerCase().replace(' ', '-') + "-" + broken;
    }
}
