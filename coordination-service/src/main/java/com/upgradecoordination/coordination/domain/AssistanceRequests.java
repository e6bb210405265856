package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.AssistancePolicies.answeredOnce;
import static com.upgradecoordination.coordination.domain.AssistancePolicies.asked;
import static com.upgradecoordination.coordination.domain.Refusal.enforce;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.AnswerInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.RequestInternalAssistanceCommand;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Internal assistance (SPEC C4), a member of the engagement: other teams (Product, Quality,
 * Support ...) may be asked specific questions at any time, each answered once.
 */
class AssistanceRequests {

    private String engagementId;
    private final Set<String> open = new HashSet<>();
    private final Set<String> answered = new HashSet<>();

    String engagementId() {
        return engagementId;
    }

    boolean isOpen(String requestId) {
        return open.contains(requestId);
    }

    boolean isAnswered(String requestId) {
        return answered.contains(requestId);
    }

    @CommandHandler
    void handle(RequestInternalAssistanceCommand command) {
        require(command.requestId(), "requestId");
        if (command.team() == null) {
            throw new IllegalArgumentException("team: required");
        }
        require(command.question(), "question");
        apply(new InternalAssistanceRequestedEvent(engagementId, command.requestId(), command.team(),
                command.question().strip()));
    }

    @CommandHandler
    void handle(AnswerInternalAssistanceCommand command) {
        require(command.answer(), "answer");
        enforce(answeredOnce(this, command.requestId()), engagementId, command);
        enforce(asked(this, command.requestId()), engagementId, command);
        apply(new InternalAssistanceAnsweredEvent(engagementId, command.requestId(), command.answer().strip()));
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
    }

    @EventSourcingHandler
    void on(InternalAssistanceRequestedEvent event) {
        open.add(event.requestId());
    }

    @EventSourcingHandler
    void on(InternalAssistanceAnsweredEvent event) {
        open.remove(event.requestId());
        answered.add(event.requestId());
    }
}
