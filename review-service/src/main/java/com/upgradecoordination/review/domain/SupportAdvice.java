package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.optional;

import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.PostponementReason;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.ProvidePlanFeedbackCommand;
import com.upgradecoordination.review.api.RecommendPostponementCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the assignee advises on the customer's upgrade (SPEC T5, T10): feedback on the upgrade and
 * rollback plans, a recommendation to postpone. The advice changes no state of the ticket, so these
 * only check the input and name the event; the ticket checks its rules before applying it.
 */
final class SupportAdvice {

    static final int MAX_FEEDBACK = 20_000;
    static final int MAX_EXPLANATION = 4000;

    private SupportAdvice() {
    }

    static PlanFeedbackProvidedEvent planFeedback(TicketRef ticket, ProvidePlanFeedbackCommand command) {
        String upgradePlan = optional(command.upgradePlanFeedback(), "upgradePlanFeedback", MAX_FEEDBACK);
        String rollbackPlan = optional(command.rollbackPlanFeedback(), "rollbackPlanFeedback", MAX_FEEDBACK);
        if (upgradePlan == null && rollbackPlan == null) {
            throw new IllegalArgumentException(
                    "upgradePlanFeedback, rollbackPlanFeedback: give feedback on at least one of the plans");
        }
        return new PlanFeedbackProvidedEvent(ticket.ticketId(), ticket.caseId(), upgradePlan, rollbackPlan);
    }

    /** Each reason once, in the order given; OTHER needs an explanation. */
    static PostponementRecommendedEvent postponement(TicketRef ticket, RecommendPostponementCommand command) {
        if (command.reasons() == null || command.reasons().isEmpty()) {
            throw new IllegalArgumentException("reasons: name at least one reason");
        }
        if (command.reasons().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("reasons: must not contain empty entries");
        }
        String explanation = optional(command.explanation(), "explanation", MAX_EXPLANATION);
        if (command.reasons().contains(PostponementReason.OTHER) && explanation == null) {
            throw new IllegalArgumentException("explanation: required when a reason is OTHER");
        }
        return new PostponementRecommendedEvent(ticket.ticketId(), ticket.caseId(),
                List.copyOf(new LinkedHashSet<>(command.reasons())), explanation);
    }
}
