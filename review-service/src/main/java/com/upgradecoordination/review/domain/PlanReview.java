package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.optional;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
    private static final ReviewPolicy REVIEWER = ReviewPolicy.actorIn(REVIEWER_ROLES, "support-role-required",
            "Only Support engineers work on plan reviews");

    static final int MAX_NAME = ReviewOpening.MAX_NAME;
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
        ReviewOpening.checkCase(reviewCase(), "planReviewId", command.planReviewId(), command.engagementId(),
                command.planVersion(), command.customerOrganisation(), command.csm(), command.referenceSize());
        String planDocumentUrl = optional(command.planDocumentUrl(), "planDocumentUrl", MAX_URL);
        List<ReviewedDeviation> deviations = command.deviations() == null ? List.of() : command.deviations();
        if (command.conforms() && !deviations.isEmpty()) {
            throw new IllegalArgumentException("deviations: a plan that conforms to its reference architecture has none");
        }
        if (!command.conforms() && deviations.isEmpty()) {
            throw new IllegalArgumentException("deviations: a plan that does not conform names at least one deviation");
        }
        ReviewOpening.checkDeviations(deviations);
        apply(new PlanReviewOpenedEvent(command.planReviewId(), command.engagementId(), command.planVersion(),
                command.customerOrganisation().strip(), command.csm().strip(), command.referenceSize().strip(),
                planDocumentUrl, command.conforms(), List.copyOf(deviations)));
    }

    /** Self-assignment: the engineer takes the review, from whoever had it before. */
    @CommandHandler
    public void handle(AssignPlanReviewCommand command) {
        String assigneeName = reviewer(command.assignee(), "assignee", command.assigneeRole());
        Rejection.enforce(PlanReviewPolicy.ASSIGNING, policy -> policy.check(this, assigneeName, false));
        apply(new PlanReviewAssignedEvent(planReviewId, engagementId, assigneeName, command.assigneeRole()));
    }

    @CommandHandler
    public void handle(GivePlanReviewFeedbackCommand command) {
        String author = reviewer(command.author(), "author", command.authorRole());
        if (command.topic() == null) {
            throw new IllegalArgumentException("topic: required");
        }
        require(command.text(), "text", MAX_TEXT);
        Rejection.enforce(PlanReviewPolicy.GIVING_FEEDBACK, policy -> policy.check(this, author, false));
        apply(new PlanReviewFeedbackGivenEvent(planReviewId, engagementId, command.topic(), command.text().strip()));
    }

    /**
     * A review is complete with a summary and either feedback items or the reviewer's explicit
     * statement that the plan needs none.
     */
    @CommandHandler
    public void handle(CompletePlanReviewCommand command) {
        String reviewer = reviewer(command.reviewer(), "reviewer", command.reviewerRole());
        require(command.summary(), "summary", MAX_TEXT);
        Rejection.enforce(PlanReviewPolicy.COMPLETING, policy -> policy.check(this, reviewer, command.noConcerns()));
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

    /** The actor's stripped name, once they may work on plan reviews and this one is still open. */
    private String reviewer(String actor, String field, String role) {
        require(actor, field, MAX_NAME);
        String name = actor.strip();
        Rejection.enforce(List.of(REVIEWER, ReviewPolicy.stillOpen), policy -> policy.check(reviewCase(), name, role));
        return name;
    }

    private ReviewCase reviewCase() {
        return new ReviewCase("Plan review", planReviewId, engagementId, completed);
    }

    String planReviewId() {
        return planReviewId;
    }

    String assignee() {
        return assignee;
    }

    int feedbackItems() {
        return feedback.size();
    }
}
