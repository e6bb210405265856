package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import com.upgradecoordination.review.api.AddCsmAsFollowerCommand;
import com.upgradecoordination.review.api.NoteMigrationProblemCommand;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.readmodel.EngagementDirectory;
import com.upgradecoordination.review.readmodel.EngagementTicketIndex;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What tickets take from coordination-service: each engagement's organisation and CSM
 * (EngagementOpened, so the CSM follows the organisation's tickets, SPEC T3), and migration
 * problems routed to Support, which open a ticket for the engagement or join its open one (C8).
 * Both arrive on one listener, so an engagement's opening is known before its problems.
 */
@Component
public class TicketCoordinationListener {

    static final String DIRECTORY_CONSUMER = "engagement-directory";
    static final String PROBLEMS_CONSUMER = "ticket-migration-problems";
    /** Problems routed to Professional Services are theirs, not Support's. */
    static final String ROUTED_TO_SUPPORT = "SUPPORT";

    private final IntegrationEventInbox inbox;
    private final CommandGateway commandGateway;
    private final EngagementDirectory directory;
    private final EngagementTicketIndex engagementTickets;
    private final JsonMapper jsonMapper;

    public TicketCoordinationListener(IntegrationEventInbox inbox, CommandGateway commandGateway,
                                      EngagementDirectory directory, EngagementTicketIndex engagementTickets,
                                      JsonMapper jsonMapper) {
        this.inbox = inbox;
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.engagementTickets = engagementTickets;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = "review-ticket-coordination-events", topics = Topics.COORDINATION)
    public void on(ConsumerRecord<String, EventEnvelope> record) {
        EventEnvelope envelope = record.value();
        if (envelope.isOfType(EngagementOpened.class)) {
            inbox.handleOnce(DIRECTORY_CONSUMER, record, (received, audit) -> {
                EngagementDirectory.Entry engagement = recordEngagement(received);
                // a ticket filed before the engagement's opening arrived gets its CSM now
                engagementTickets.openTicketOf(engagement.engagementId()).ifPresent(ticketId ->
                        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new AddCsmAsFollowerCommand(ticketId, engagement.csm())).andMetaData(audit.toMetaData())));
            });
        } else if (envelope.isOfType(MigrationProblemReported.class)) {
            // read inside the inbox, so an unreadable payload is recorded as REJECTED instead of retried
            inbox.handleOnce(PROBLEMS_CONSUMER, record, (received, audit) -> {
                MigrationProblemReported problem = jsonMapper.treeToValue(received.payload(),
                        MigrationProblemReported.class);
                if (ROUTED_TO_SUPPORT.equals(problem.routedTo())) {
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(commandFor(problem))
                            .andMetaData(audit.toMetaData()));
                }
            });
        }
    }

    private EngagementDirectory.Entry recordEngagement(EventEnvelope envelope) {
        EngagementOpened opened = jsonMapper.treeToValue(envelope.payload(), EngagementOpened.class);
        if (isBlank(opened.engagementId()) || isBlank(opened.customerOrganisation()) || isBlank(opened.csm())) {
            throw new IllegalArgumentException("EngagementOpened: engagementId, customerOrganisation and csm required");
        }
        EngagementDirectory.Entry engagement = new EngagementDirectory.Entry(opened.engagementId(),
                opened.customerOrganisation().strip(), opened.csm().strip());
        directory.record(engagement, envelope.occurredAt());
        return engagement;
    }

    /** Joins the engagement's open ticket, or opens one, with the customer and CSM if the engagement is known. */
    private Object commandFor(MigrationProblemReported problem) {
        if (isBlank(problem.engagementId())) {
            throw new IllegalArgumentException("engagementId: required");
        }
        Optional<String> openTicket = engagementTickets.openTicketOf(problem.engagementId());
        if (openTicket.isPresent()) {
            return new NoteMigrationProblemCommand(openTicket.get(), problem.problemId(), problem.description());
        }
        Optional<EngagementDirectory.Entry> engagement = directory.engagement(problem.engagementId());
        return new OpenMigrationProblemTicketCommand(UUID.randomUUID().toString(), problem.engagementId(),
                engagement.map(EngagementDirectory.Entry::customerOrganisation).orElse(null),
                engagement.map(EngagementDirectory.Entry::csm).orElse(null),
                problem.problemId(), problem.description());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
