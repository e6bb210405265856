package com.upgradecoordination.review.web;

import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.api.PostponementReason;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.UpgradeOutcome;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Request bodies of the ticket endpoints, validated at the edge. */
final class TicketRequests {

    private TicketRequests() {
    }

    /**
     * What the customer gives; any field may be missing (the required-information check lists
     * what is), but what is given must fit.
     */
    record Details(
            @Size(max = 50) String currentVersion,
            @Size(max = 50) String targetVersion,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> upgradePath,
            Map<InstanceCondition, @NotNull Boolean> instanceConditions,
            @Size(max = 20000) String upgradePlan,
            @Size(max = 20000) String rollbackPlan,
            @Size(max = 20000) String architecture,
            @Size(max = 320) String contactEmail,
            LocalDate upgradeDate,
            LocalTime upgradeTime,
            @Size(max = 200) String upgradeTimezone,
            @Size(max = 20000) String stagingNotes) {

        UpgradeRequestDetails toDetails() {
            return new UpgradeRequestDetails(currentVersion, targetVersion,
                    upgradePath == null ? null : List.copyOf(upgradePath),
                    instanceConditions == null ? Map.of() : Map.copyOf(instanceConditions), upgradePlan,
                    rollbackPlan, architecture, contactEmail, upgradeDate, upgradeTime, upgradeTimezone, stagingNotes);
        }
    }

    /**
     * @param form         STANDARD or US_GOVERNMENT
     * @param engagementId the engagement the request belongs to, if any
     * @param csm          the organisation's CSM if the requester names one; otherwise the one
     *                     coordination-service's engagements name, if any
     */
    record NewTicket(
            @NotNull TicketForm form,
            @NotBlank @Size(max = 200) String organisation,
            @Size(max = 100) String engagementId,
            @Size(max = 200) String csm,
            @NotNull @Valid Details details) {
    }

    record Pairing(@NotBlank @Size(max = 200) String engineer) {
    }

    /** Feedback on at least one of the two plans. */
    record PlanFeedback(@Size(max = 20000) String upgradePlanFeedback, @Size(max = 20000) String rollbackPlanFeedback) {
    }

    record ReviewCallHeld(@Size(max = 4000) String notes) {
    }

    /** @param engineer the engineer who takes over the final review */
    record HandoffSync(@NotBlank @Size(max = 200) String engineer, @NotBlank @Size(max = 4000) String notes) {
    }

    record Handoff(@NotBlank @Size(max = 200) String toEngineer) {
    }

    record Outcome(@NotNull UpgradeOutcome outcome, @Size(max = 4000) String notes) {
    }

    /** @param explanation required when a reason is OTHER */
    record Postponement(
            @NotEmpty @Size(max = 3) List<@NotNull PostponementReason> reasons,
            @Size(max = 4000) String explanation) {
    }

    record Reschedule(
            @NotNull LocalDate upgradeDate,
            @NotNull LocalTime upgradeTime,
            @NotBlank @Size(max = 200) String upgradeTimezone) {
    }
}
