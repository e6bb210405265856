package com.upgradecoordination.review.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * coordination-service's engagements as review-service learnt them from EngagementOpened: which
 * organisation each belongs to and who its CSM is (SPEC T3).
 */
@Component
public class EngagementDirectory {

    /** An engagement's customer and CSM. */
    public record Entry(String engagementId, String customerOrganisation, String csm) {
    }

    private final JdbcClient jdbc;

    public EngagementDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records (or corrects) an engagement; a redelivered event changes nothing. */
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
                            SET customer_organisation = :organisation, organisation_key = LOWER(:organisation), csm = :csm
                            WHERE engagement_id = :id""")
                    .param("id", entry.engagementId())
                    .param("organisation", entry.customerOrganisation())
                    .param("csm", entry.csm())
                    .update();
        }
    }

    public Optional<Entry> engagement(String engagementId) {
        return jdbc.sql("SELECT engagement_id, customer_organisation, csm FROM engagement_directory "
                        + "WHERE engagement_id = :id")
                .param("id", engagementId)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
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
