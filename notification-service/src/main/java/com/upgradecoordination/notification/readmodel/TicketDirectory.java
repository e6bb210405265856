package com.upgradecoordination.notification.readmodel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who works and follows each Support ticket, remembered from review-service's ticket events on
 * Kafka: the organisation from {@code UpgradeAssistanceRequested}, the assigned engineer from
 * {@code TicketAssigned} and {@code TicketHandedOff}, the CSM from {@code CsmAddedAsFollower}. Most
 * ticket events name none of them, yet their rules address them. Each update runs in the Kafka
 * inbox's transaction, before the event's rules are decided.
 */
@Component
public class TicketDirectory {

    /** What is known of one ticket; null where nothing is known yet. */
    public record TicketFacts(String ticketId, String organisation, String assignedEngineer, String csm) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public TicketDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void rememberOrganisation(String ticketId, String caseId, String organisation) {
        remember(ticketId, caseId, "organisation", organisation);
    }

    public void rememberAssignedEngineer(String ticketId, String caseId, String engineer) {
        remember(ticketId, caseId, "assigned_engineer", engineer);
    }

    public void rememberCsm(String ticketId, String caseId, String csm) {
        remember(ticketId, caseId, "csm", csm);
    }

    /** @param column one of this class's own column names, never input */
    private void remember(String ticketId, String caseId, String column, String value) {
        CaseDirectory.require(ticketId, "ticketId", 100);
        CaseDirectory.require(caseId, "caseId", 100);
        CaseDirectory.require(value, column, 200);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE ticket_contact SET " + column + " = :value, updated_at = :at WHERE ticket_id = :id")
                .param("id", ticketId).param("value", value).param("at", now).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ticket_contact (ticket_id, case_id, " + column + ", updated_at) "
                            + "VALUES (:id, :caseId, :value, :at)")
                    .param("id", ticketId).param("caseId", caseId).param("value", value).param("at", now).update();
        }
    }

    public Optional<TicketFacts> find(String ticketId) {
        if (ticketId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT ticket_id, organisation, assigned_engineer, csm FROM ticket_contact WHERE ticket_id = :id")
                .param("id", ticketId)
                .query((rs, row) -> new TicketFacts(rs.getString("ticket_id"), rs.getString("organisation"),
                        rs.getString("assigned_engineer"), rs.getString("csm")))
                .optional();
    }
}
