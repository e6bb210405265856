package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.domain.CsmDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * coordination-service's engagements as review-service learnt them from EngagementOpened: which
 * organisation each belongs to and who its CSM is (SPEC T3).
 *
 * <p>A ticket being filed and the news of its engagement arriving on Kafka meet at the engagement's
 * row: each takes the row's lock before it reads what the other writes (the CSM here, the ticket in
 * the {@link EngagementTicketIndex}), and keeps it until its transaction commits, so whichever
 * comes second sees what the first committed, on any number of instances. An engagement not opened
 * yet gets a row with only its id, so that there is a row to lock; it reads as unknown.
 */
@Component
public class EngagementDirectory implements CsmDirectory {

    /** An engagement's customer and CSM. */
    public record Entry(String engagementId, String customerOrganisation, String csm) {
    }

    private final JdbcClient jdbc;

    public EngagementDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records (or corrects) an engagement; a redelivered event changes nothing. Its row stays locked
     * until the caller's transaction ends (see {@link #hold}).
     */
    public void record(Entry entry, Instant openedAt) {
        // insert, else correct: H2 in PostgreSQL mode (the local run, D7) has no ON CONFLICT DO UPDATE
        int inserted = jdbc.sql("""
                        INSERT INTO engagement_directory (engagement_id, customer_organisation, organisation_key, csm,
                            opened_at)
                        VALUES (:id, :organisation, LOWER(:organisation), :csm, :openedAt)
                        ON CONFLICT DO NOTHING""")
                .param("id", entry.engagementId())
                .param("organisation", entry.customerOrganisation())
                .param("csm", entry.csm())
                .param("openedAt", Timestamp.from(openedAt))
                .update();
        if (inserted == 0) {
            jdbc.sql("""
                            UPDATE engagement_directory
                            SET customer_organisation = :organisation, organisation_key = LOWER(:organisation),
                                csm = :csm, opened_at = COALESCE(opened_at, :openedAt)
                            WHERE engagement_id = :id""")
                    .param("id", entry.engagementId())
                    .param("organisation", entry.customerOrganisation())
                    .param("csm", entry.csm())
                    .param("openedAt", Timestamp.from(openedAt))
                    .update();
        }
    }

    /**
     * The engagement, if its opening arrived, read holding its row until the caller's transaction
     * ends: the row is made if there is none, and an opening being handled meanwhile is waited for.
     * Call it in a transaction, before reading what the engagement's opening would act on.
     */
    public Optional<Entry> hold(String engagementId) {
        // INSERT waits for a concurrent insert of the same engagement to end; FOR UPDATE for an update of it
        jdbc.sql("INSERT INTO engagement_directory (engagement_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", engagementId)
                .update();
        return jdbc.sql("SELECT engagement_id, customer_organisation, csm FROM engagement_directory "
                        + "WHERE engagement_id = :id FOR UPDATE")
                .param("id", engagementId)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .filter(entry -> entry.csm() != null);
    }

    /** The engagement's CSM, held (see {@link #hold}), else the organisation's latest engagement's. */
    @Override
    public Optional<String> csmForNewTicket(String engagementId, String organisation) {
        Optional<String> ofEngagement = engagementId == null ? Optional.empty() : hold(engagementId).map(Entry::csm);
        return ofEngagement.or(() -> csmOfOrganisation(organisation));
    }

    /** The CSM of the organisation's latest engagement; organisation names compare ignoring case. */
    public Optional<String> csmOfOrganisation(String organisation) {
        return jdbc.sql("""
                        SELECT csm FROM engagement_directory WHERE organisation_key = LOWER(:organisation)
                        ORDER BY opened_at DESC, engagement_id LIMIT 1""")
                .param("organisation", organisation.strip())
                .query(String.class)
                .optional();
    }
}
