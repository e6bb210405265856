package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code engagement_ticket}, the {@link EngagementTicketIndex}, in the transaction of the ticket's events. */
@Component
@ProcessingGroup(EngagementTicketIndex.PROCESSING_GROUP)
class EngagementTicketIndexUpdater {

    private final ProjectionTable engagementTickets;

    EngagementTicketIndexUpdater(NamedParameterJdbcTemplate jdbc) {
        this.engagementTickets = new ProjectionTable(jdbc, "engagement_ticket", "ticket_id");
    }

    @EventHandler
    void on(UpgradeAssistanceRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.engagementId() != null) {
            opened(event.ticketId(), event.engagementId(), sequence, at);
        }
    }

    @EventHandler
    void on(TicketOpenedForMigrationProblemEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        opened(event.ticketId(), event.engagementId(), sequence, at);
    }

    @EventHandler
    void on(TicketStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        engagementTickets.update(event.ticketId(), sequence, at,
                Columns.of("open", event.to() != TicketStatus.SOLVED && event.to() != TicketStatus.CLOSED));
    }

    private void opened(String ticketId, String engagementId, long sequence, Instant at) {
        engagementTickets.insert(ticketId, sequence, at,
                Columns.of("engagement_id", engagementId, "open", true, "opened_at", at));
    }
}
