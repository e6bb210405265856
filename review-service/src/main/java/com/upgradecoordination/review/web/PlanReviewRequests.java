package com.upgradecoordination.review.web;

import com.upgradecoordination.review.api.PlanFeedbackTopic;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the plan-review endpoints, validated at the edge. Their names are unique in the
 * service, as they are the schema names of its OpenAPI document.
 */
final class PlanReviewRequests {

    private PlanReviewRequests() {
    }

    record PlanReviewFeedback(
            @NotNull PlanFeedbackTopic topic,
            @NotBlank @Size(max = 4000) String text) {
    }

    /**
     * @param noConcerns true to complete a review without feedback items, stating that the plan
     *                   raises no concerns; absent means false
     */
    record PlanReviewCompletion(
            @NotBlank @Size(max = 4000) String summary,
            Boolean noConcerns) {
    }
}
