package com.upgradecoordination.coordination.messaging;

import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Brings review-service's SupportReviewCompleted into the engagement's history (SPEC C6f). */
@Component
public class SupportReviewOutcomeListener {

    private static final String CONSUMER = "support-review-outcomes";

    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;

    public SupportReviewOutcomeListener(IntegrationEventInbox inbox, CommandGateway commandGateway,
                                        JsonMapper jsonMapper) {
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "coordination-review-events", topics = Topics.REVIEW)
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        if (!record.value().isOfType(SupportReviewCompleted.class)) {
            return;
        }
        inbox.handleOnce(CONSUMER, record, (envelope, audit) -> {
            SupportReviewCompleted completed = jsonMapper.treeToValue(envelope.payload(), SupportReviewCompleted.class);
            var command = new RecordSupportReviewOutcomeCommand(completed.engagementId(), completed.reviewId(),
                    completed.planVersion(), SupportVerdict.valueOf(completed.verdict()),
                    completed.recommendations(), completed.reviewer(), completed.reviewerLevel());
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
        });
    }
}
