package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.PerformanceBasis;
import com.upgradecoordination.events.coordination.PerformanceSummary;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import com.upgradecoordination.review.api.OpenSupportReviewCommand;
import com.upgradecoordination.review.api.ReviewedDeviation;
import com.upgradecoordination.review.api.ReviewedPerformance;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
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
        // An unreadable payload or an invalid request is recorded by the inbox as REJECTED, not retried.
        inbox.handleOnce(CONSUMER, record, (envelope, audit) -> commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(commandOf(envelope)).andMetaData(audit.toMetaData())));
    }

    private OpenSupportReviewCommand commandOf(EventEnvelope envelope) {
        SupportReviewRequested requested = jsonMapper.treeToValue(envelope.payload(), SupportReviewRequested.class);
        List<ArchitectureDeviation> deviations = requested.deviations() == null ? List.of() : requested.deviations();
        return new OpenSupportReviewCommand(requested.reviewId(), requested.engagementId(),
                requested.planVersion(), requested.customerOrganisation(), requested.csm(),
                requested.referenceSize(),
                deviations.stream()
                        .map(d -> d == null ? null
                                : new ReviewedDeviation(d.component(), d.expected(), d.proposed(), d.kind()))
                        .toList(),
                performance(requested.performance()));
    }

    private static ReviewedPerformance performance(PerformanceSummary performance) {
        if (performance == null) {
            return null;
        }
        PerformanceBasis basis = performance.basis();
        return new ReviewedPerformance(performance.verdict(), basis == null ? null : basis.kind(),
                basis == null ? null : basis.benchmarkVersion(), basis == null ? null : basis.description(),
                performance.customerScore(), performance.benchmarkScore(),
                performance.testsFellShort() == null ? List.of() : performance.testsFellShort());
    }
}
