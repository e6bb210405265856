package com.upgradecoordination.review.web;

import com.upgradecoordination.review.api.SupportVerdict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the support-review endpoints, validated at the edge. */
final class SupportReviewRequests {

    private SupportReviewRequests() {
    }

    /** @param recommendations required by the domain unless the verdict is SUPPORTABLE */
    record Completion(
            @NotNull SupportVerdict verdict,
            @Size(max = 50) List<@NotBlank @Size(max = 4000) String> recommendations) {
    }
}
