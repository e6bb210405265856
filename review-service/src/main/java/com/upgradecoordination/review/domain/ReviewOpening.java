package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.require;

import com.upgradecoordination.review.api.ReviewedDeviation;
import java.util.List;

/**
 * The opening checks plan reviews and architecture support reviews share (SPEC C7, T11, T12): the
 * review's id, {@link ReviewPolicy#opensOnce}, then the case it belongs to; and the deviations it names.
 */
final class ReviewOpening {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_REFERENCE_SIZE = 20;

    private ReviewOpening() {
    }

    /**
     * @param idField     the name of the review id's field, e.g. {@code planReviewId}
     * @param requestedId the id the command opens the review under
     */
    static void checkCase(ReviewCase review, String idField, String requestedId, String engagementId, int planVersion,
                          String customerOrganisation, String csm, String referenceSize) {
        require(requestedId, idField, MAX_ID);
        Rejection.enforce(List.of(ReviewPolicy.opensOnce), policy -> policy.check(review, null, null));
        require(engagementId, "engagementId", MAX_ID);
        if (planVersion < 1) {
            throw new IllegalArgumentException("planVersion: at least 1");
        }
        require(customerOrganisation, "customerOrganisation", MAX_NAME);
        require(csm, "csm", MAX_NAME);
        require(referenceSize, "referenceSize", MAX_REFERENCE_SIZE);
    }

    /** Each deviation is given and names its component. */
    static void checkDeviations(List<ReviewedDeviation> deviations) {
        for (ReviewedDeviation deviation : deviations) {
            if (deviation == null) {
                throw new IllegalArgumentException("deviations: must not contain empty entries");
            }
            require(deviation.component(), "deviations.component", MAX_NAME);
        }
    }
}
