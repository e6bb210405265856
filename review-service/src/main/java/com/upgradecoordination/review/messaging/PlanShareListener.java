package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import com.upgradecoordination.review.api.OpenPlanReviewCommand;
import com.upgradecoordination.review.api.ReviewedDeviation;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a plan review when the CSM shares a plan version with Support (SPEC C7, T11). Its own
 * consumer group reads the coordination topic independently of the support-review listener.
 */
@Component
public class PlanShareListener {

    static final String CONSUMER = "plan-shares";

    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;

    public PlanShareListener(IntegrationEventInbox inbox, CommandGateway commandGateway, JsonMapper jsonMapper) {
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "review-plan-shares", topics = Topics.COORDINATION)
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        if (!record.value().isOfType(PlanSharedWithSupport.class)) {
            return;
        }
        // An unreadable payload or an invalid share is recorded by the inbox as REJECTED, not retried.
        inbox.handleOnce(CONSUMER, record, (envelope, audit) -> commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(commandOf(envelope)).andMetaData(audit.toMetaData())));
    }

    private OpenPlanReviewCommand commandOf(EventEnvelope envelope) {
        PlanSharedWithSupport shared = jsonMapper.treeToValue(envelope.payload(), PlanSharedWithSupport.class);
        List<ArchitectureDeviation> deviations = shared.deviations() == null ? List.of() : shared.deviations();
        return new OpenPlanReviewCommand(shared.planReviewId(), shared.engagementId(), shared.planVersion(),
                shared.customerOrganisation(), shared.csm(), shared.referenceSize(), shared.planDocumentUrl(),
                shared.conforms(),
                deviations.stream()
                        .map(d -> d == null ? null
                                : new ReviewedDeviation(d.component(), d.expected(), d.proposed(), d.kind()))
                        .toList());
    }
}
