package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each engagement's tickets and whether they are open (neither solved nor closed). Its processor
 * is subscribing (review-service.yml): it is written in the transaction that stores the ticket's
 * events, so the next migration problem of an engagement finds the ticket the previous one opened
 * even a moment later (SPEC C8). Being in step with the store by construction, it is not replayed.
 */
@Component
@ProcessingGroup(EngagementTicketIndex.PROCESSING_GROUP)
public class EngagementTicketIndex {

    public static final String PROCESSING_GROUP = "engagement-ticket-index";

    private final JdbcClient jdbc;

    public EngagementTicketIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UpgradeAssistanceRequestedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.engagementId() != null) {
            insert(event.ticketId(), event.engagementId(), at);
        }
    }

    @EventHandler
    void on(TicketOpenedForMigrationProblemEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        insert(event.ticketId(), event.engagementId(), at);
    }

    @EventHandler
    void on(TicketStatusChangedEvent event) {
        jdbc.sql("UPDATE engagement_ticket SET open = :open WHERE ticket_id = :id")
                .param("open", event.to() != TicketStatus.SOLVED && event.to() != TicketStatus.CLOSED)
                .param("id", event.ticketId())
                .update();
    }

    /** The engagement's most recently opened ticket that is neither solved nor closed. */
    public Optional<String> openTicketOf(String engagementId) {
        return jdbc.sql("""
                        SELECT ticket_id FROM engagement_ticket WHERE engagement_id = :id AND open
                        ORDER BY opened_at DESC, ticket_id LIMIT 1""")
                .param("id", engagementId)
                .query(String.class)
                .optional();
    }

    private void insert(String ticketId, String engagementId, Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_ticket (ticket_id, engagement_id, open, opened_at)
                        VALUES (:ticketId, :engagementId, TRUE, :at) ON CONFLICT DO NOTHING""")
                .param("ticketId", ticketId)
                .param("engagementId", engagementId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
