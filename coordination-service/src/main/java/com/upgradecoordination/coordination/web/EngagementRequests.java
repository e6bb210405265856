package com.upgradecoordination.coordination.web;

import com.upgradecoordination.coordination.api.AssistingTeam;
import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.DeploymentType;
import com.upgradecoordination.coordination.api.DeviationReason;
import com.upgradecoordination.coordination.api.EngagementReason;
import com.upgradecoordination.coordination.api.PlanAuthor;
import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.Placement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request bodies of the engagement endpoints, validated at the edge. */
final class EngagementRequests {

    private EngagementRequests() {
    }

    record OpenEngagement(
            @NotBlank @Size(max = 200) String customerOrganisation,
            @NotBlank @Size(max = 200) String csm,
            @NotEmpty Set<@NotNull EngagementReason> reasons,
            @NotNull DeploymentType deploymentType) {
    }

    record Requirements(
            @Min(1) @Max(10_000_000) int currentUsers,
            @Min(1) @Max(10_000_000) int expectedUsers,
            @Min(0) @Max(120) int growthHorizonMonths,
            @Min(1) Integer peakRps,
            boolean highAvailability,
            boolean geo,
            @NotNull LocalDate targetCompletionDate) {
    }

    record Component(
            @NotBlank @Size(max = 100) String component,
            @Min(1) @Max(1000) int nodes,
            @DecimalMin(value = "0", inclusive = false) double vcpu,
            @DecimalMin(value = "0", inclusive = false) double memoryGb,
            @NotNull Placement placement) {
    }

    record Plan(
            @NotNull PlanAuthor author,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Component> components,
            @Size(max = 4000) String migrationApproach,
            @Size(max = 4000) String rollbackApproach,
            Instant plannedWindowStart,
            Instant plannedWindowEnd,
            @Size(max = 2000) String planDocumentUrl) {
    }

    record MigrationProblem(@NotBlank @Size(max = 8000) String description) {
    }

    record Closing(@NotNull ClosingOutcome outcome, @Size(max = 4000) String notes) {
    }

    record InternalAssistanceRequest(@NotNull AssistingTeam team, @NotBlank @Size(max = 4000) String question) {
    }

    record InternalAssistanceAnswer(@NotBlank @Size(max = 8000) String answer) {
    }

    record ProfessionalServicesDeclined(@NotBlank @Size(max = 4000) String reason) {
    }

    record ReferenceDocumentation(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 2000) String> links) {
    }

    record RevisionDiscussion(@NotNull RevisionOutcome outcome, @Size(max = 4000) String notes) {
    }

    record Documentation(@NotBlank @Size(max = 2000) String location) {
    }

    record DeviationJustification(
            @NotNull DeviationReason reasonCategory,
            @NotBlank @Size(max = 4000) String explanation) {
    }
}
