package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.optional;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.review.api.AssignPlanReviewCommand;
import com.upgradecoordination.review.api.CompletePlanReviewCommand;
import com.upgradecoordination.review.api.GivePlanReviewFeedbackCommand;
import com.upgradecoordination.review.api.OpenPlanReviewCommand;
import com.upgradecoordination.review.api.PlanFeedback;
import com.upgradecoordination.review.api.PlanReviewAssignedEvent;
import com.upgradecoordination.review.api.PlanReviewCompletedEvent;
import com.upgradecoordination.review.api.PlanReviewFeedbackGivenEvent;
import com.upgradecoordination.review.api.PlanReviewOpenedEvent;
import com.upgradecoordination.review.api.ReviewedDeviation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Support's review of a plan version the CSM shared (SPEC C7, T11). Its id is the plan review id
 * coordination-service chose; its case is the engagement. Support engineers give feedback items
 * while it is open; completing it sends every item, in order, with a summary back to the case.
 * Command handlers validate and apply; event-sourcing handlers only assign state.
 */
@Aggregate
public class PlanReview {

    /** Any Support engineer may review a plan (SPEC S2); the access table says so too. */
    public static final Set<String> REVIEWER_ROLES =
            Set.of(Roles.SUPPORT_ENGINEER, Roles.SENIOR_SUPPORT_ENGINEER, Roles.SUPPORT_MANAGER);

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_REFERENCE_SIZE = 20;
    static final int MAX_URL = 2000;
    static final int MAX_TEXT = 4000;
    /** Keeps the completion, which carries every item, well inside a Kafka record. */
    static final int MAX_FEEDBACK_ITEMS = 50;

    @AggregateIdentifier
    private String planReviewId;
    private String engagementId;
    private int planVersion;
    private String assignee;
    private final List<PlanFeedback> feedback = new ArrayList<>();
    private boolean completed;

    protected PlanReview() {
        // for Axon
    }

    /**
     * Opens the review. Created if missing rather than by a constructor, so that a second share
     * under the same id is a refused rule (recorded once by the inbox) instead of a storage
     * conflict that would be retried.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenPlanReviewCommand command) {
        require(command.planReviewId(), "planReviewId", MAX_ID);
        if (planReviewId != null) {
            throw new RuleViolationException("plan-review-already-open",
                    "Plan review " + planReviewId + " is already open for engagement " + engagementId);
        }
        require(command.engagementId(), "engagementId", MAX_ID);
        if (command.planVersion() < 1) {
            throw new IllegalArgumentException("planVersion: at least 1");
        }
        require(command.customerOrganisation(), "customerOrganisation", MAX_NAME);
        require(command.csm(), "csm", MAX_NAME);
        require(command.referenceSize(), "referenceSize", MAX_REFERENCE_SIZE);
        String planDocumentUrl = optional(command.planDocumentUrl(), "planDocumentUrl", MAX_URL);
        List<ReviewedDeviation> deviations = command.deviations() == null ? List.of() : command.deviations();
        if (command.conforms() && !deviations.isEmpty()) {
            throw new IllegalArgumentException("deviations: a plan that conforms to its reference architecture has none");
        }
        if (!command.conforms() && deviations.isEmpty()) {
            throw new IllegalArgumentException("deviations: a plan that does not conform names at least one deviation");
        }
        for (ReviewedDeviation deviation : deviations) {
            if (deviation == null) {
                throw new IllegalArgumentException("deviations: must not contain empty entries");
            }
            require(deviation.component(), "deviations.component", MAX_NAME);
        }
        apply(new PlanReviewOpenedEvent(command.planReviewId(), command.engagementId(), command.planVersion(),
                command.customerOrganisation().strip(), command.csm().strip(), command.referenceSize().strip(),
                planDocumentUrl, command.conforms(), List.copyOf(deviations)));
    }

    /** Self-assignment: the engineer takes the review, from whoever had it before. */
    @CommandHandler
    public void handle(AssignPlanReviewCommand command) {
        String assigneeName = requireSupportRole(command.assignee(), "assignee", command.assigneeRole());
        requireOpen();
        if (assigneeName.equals(assignee)) {
            throw new RuleViolationException("plan-review-already-assigned",
                    "Plan review " + planReviewId + " is already assigned to " + assignee);
        }
        apply(new PlanReviewAssignedEvent(planReviewId, engagementId, assigneeName, command.assigneeRole()));
    }

    @CommandHandler
    public void handle(GivePlanReviewFeedbackCommand command) {
        requireSupportRole(command.author(), "author", command.authorRole());
        requireOpen();
        if (command.topic() == null) {
            throw new IllegalArgumentException("topic: required");
        }
        require(command.text(), "text", MAX_TEXT);
        if (feedback.size() >= MAX_FEEDBACK_ITEMS) {
            throw new RuleViolationException("plan-review-feedback-limit-reached",
                    "Plan review " + planReviewId + " already has " + MAX_FEEDBACK_ITEMS
                            + " feedback items; summarise the rest when completing it");
        }
        apply(new PlanReviewFeedbackGivenEvent(planReviewId, engagementId, command.topic(), command.text().strip()));
    }

    /**
     * A review is complete with a summary and either feedback items or the reviewer's explicit
     * statement that the plan needs none, so that an empty review is a decision, not an oversight.
     */
    @CommandHandler
    public void handle(CompletePlanReviewCommand command) {
        String reviewer = requireSupportRole(command.reviewer(), "reviewer", command.reviewerRole());
        requireOpen();
        require(command.summary(), "summary", MAX_TEXT);
        if (feedback.isEmpty() && !command.noConcerns()) {
            throw new RuleViolationException("plan-review-feedback-required",
                    "Plan review " + planReviewId + " has no feedback; give feedback, or complete it stating "
                            + "that the plan raises no concerns");
        }
        if (!feedback.isEmpty() && command.noConcerns()) {
            throw new RuleViolationException("plan-review-has-feedback",
                    "Plan review " + planReviewId + " has " + feedback.size()
                            + " feedback item(s), so it cannot be completed as raising no concerns");
        }
        apply(new PlanReviewCompletedEvent(planReviewId, engagementId, planVersion, List.copyOf(feedback),
                command.summary().strip(), reviewer, command.reviewerRole()));
    }

    @EventSourcingHandler
    void on(PlanReviewOpenedEvent event) {
        planReviewId = event.planReviewId();
        engagementId = event.engagementId();
        planVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(PlanReviewAssignedEvent event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(PlanReviewFeedbackGivenEvent event) {
        feedback.add(new PlanFeedback(event.topic(), event.text()));
    }

    @EventSourcingHandler
    void on(PlanReviewCompletedEvent event) {
        completed = true;
    }

    /** The actor's stripped name, once their role is one that may work on plan reviews. */
    private static String requireSupportRole(String actor, String field, String role) {
        require(actor, field, MAX_NAME);
        if (role == null || !REVIEWER_ROLES.contains(role)) {
            throw new RuleViolationException("support-role-required",
                    "Only Support engineers work on plan reviews; " + actor.strip() + " acts as " + role);
        }
        return actor.strip();
    }

    private void requireOpen() {
        if (completed) {
            throw new RuleViolationException("plan-review-already-completed",
                    "Plan review " + planReviewId + " is already completed");
        }
    }
}
