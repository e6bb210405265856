package com.upgradecoordination.review.readmodel;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each engagement's tickets and whether they are open (neither solved nor closed), as
 * {@link EngagementTicketIndexUpdater} keeps them. Its processor is subscribing (review-service.yml):
 * the index is written in the transaction that stores the ticket's events, so the next migration
 * problem of an engagement finds the ticket the previous one opened even a moment later (SPEC C8).
 * Being in step with the store by construction, it is not replayed.
 */
@Component
public class EngagementTicketIndex {

    public static final String PROCESSING_GROUP = "engagement-ticket-index";

    private final JdbcClient jdbc;

    public EngagementTicketIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
