package com.upgradecoordination.coordination.messaging;

import com.upgradecoordination.coordination.api.RecordPlanReviewOutcomeCommand;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Brings review-service's PlanReviewCompleted (Support's feedback on a shared plan) into the engagement's history (SPEC C7). */
@Component
public class PlanReviewOutcomeListener {

    private static final String CONSUMER = "plan-review-outcomes";

    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;

    public PlanReviewOutcomeListener(IntegrationEventInbox inbox, CommandGateway commandGateway,
                                     JsonMapper jsonMapper) {
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "coordination-plan-review-events", topics = Topics.REVIEW)
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        if (!record.value().isOfType(PlanReviewCompleted.class)) {
            return;
        }
        inbox.handleOnce(CONSUMER, record, (envelope, audit) -> {
            PlanReviewCompleted completed = jsonMapper.treeToValue(envelope.payload(), PlanReviewCompleted.class);
            var command = new RecordPlanReviewOutcomeCommand(completed.engagementId(), completed.planReviewId(),
                    completed.planVersion(), completed.feedback(), completed.summary(), completed.reviewer(),
                    completed.reviewerRole());
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
        });
    }
}
