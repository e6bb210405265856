package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.domain.CaseFacts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the CSM and the customer of each case are, remembered from coordination-service's
 * EngagementOpened on Kafka. That event comes once per case; the Kafka inbox runs its effect once,
 * and a repeat would leave the first row as it is.
 */
@Component
public class CaseDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the case's contacts unless the case is already known; runs in the caller's transaction.
     *
     * @throws IllegalArgumentException when a value is missing or longer than its column
     */
    public void remember(String caseId, String csm, String customerOrganisation, String sourceEventId) {
        require(caseId, "caseId", 100);
        require(csm, "csm", 200);
        require(sourceEventId, "sourceEventId", 100);
        if (customerOrganisation != null && customerOrganisation.length() > 200) {
            throw new IllegalArgumentException("customerOrganisation: at most 200 characters");
        }
        jdbc.sql("""
                        INSERT INTO case_contact (case_id, csm, customer_organisation, source_event_id, recorded_at)
                        VALUES (:caseId, :csm, :customer, :eventId, :at)
                        ON CONFLICT DO NOTHING""")
                .param("caseId", caseId)
                .param("csm", csm)
                .param("customer", customerOrganisation)
                .param("eventId", sourceEventId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<CaseFacts> find(String caseId) {
        return jdbc.sql("SELECT case_id, csm, customer_organisation FROM case_contact WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, row) -> new CaseFacts(rs.getString("case_id"), rs.getString("csm"),
                        rs.getString("customer_organisation")))
                .optional();
    }

    /** Refuses a missing value or one longer than its column; {@link TicketDirectory} checks its values alike. */
    static void require(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
    }
}
