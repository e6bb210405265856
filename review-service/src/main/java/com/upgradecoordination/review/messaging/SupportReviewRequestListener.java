package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import com.upgradecoordination.review.api.OpenSupportReviewCommand;
import com.upgradecoordination.review.api.ReviewedDeviation;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Opens an architecture support review when coordination-service asks Support for one (SPEC C6f, T12). */
@Component
public class SupportReviewRequestListener {

    static final String CONSUMER = "support-review-requests";

    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final JsonMapper jsonMapper;

    public SupportReviewRequestListener(IntegrationEventInbox inbox, CommandGateway commandGateway,
                                        JsonMapper jsonMapper) {
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "review-coordination-events", topics = Topics.COORDINATION)
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        if (!record.value().isOfType(SupportReviewRequested.class)) {
            return;
        }
        inbox.handleOnce(CONSUMER, record, (envelope, audit) -> {
            OpenSupportReviewCommand command = commandOf(envelope);
            try {
                commandGateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
            } catch (IllegalArgumentException invalid) {
                throw new RuleViolationException("invalid-support-review-request",
                        "SupportReviewRequested " + envelope.eventId() + " is not a valid request: "
                                + invalid.getMessage());
            }
        });
    }

    /**
     * A payload that cannot be read, or that the aggregate finds invalid, would fail the same way on
     * every retry and hold up the partition: both are refused like a broken rule, so the inbox
     * records the event once, with the reason, and moves on.
     */
    private OpenSupportReviewCommand commandOf(EventEnvelope envelope) {
        try {
            SupportReviewRequested requested = jsonMapper.treeToValue(envelope.payload(), SupportReviewRequested.class);
            List<ArchitectureDeviation> deviations =
                    requested.deviations() == null ? List.of() : requested.deviations();
            return new OpenSupportReviewCommand(requested.reviewId(), requested.engagementId(),
                    requested.planVersion(), requested.customerOrganisation(), requested.csm(),
                    requested.referenceSize(),
                    deviations.stream()
                            .map(d -> d == null ? null
                                    : new ReviewedDeviation(d.component(), d.expected(), d.proposed(), d.kind()))
                            .toList());
        } catch (JacksonException unreadable) {
            throw new RuleViolationException("unreadable-support-review-request",
                    "SupportReviewRequested " + envelope.eventId() + " cannot be read: " + unreadable.getOriginalMessage());
        }
    }
}
