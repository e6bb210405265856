package com.upgradecoordination.review.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ticket read models on H2 in PostgreSQL mode, the local run's embedded database: the review
 * migrations, the updaters' SQL, and the version guard that makes a replayed event a no-op.
 */
class TicketSummaryOnH2Test {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    TicketSummaryUpdater updates;
    TicketSummaryProjection tickets;
    EngagementTicketIndexUpdater indexUpdates;
    EngagementTicketIndex index;

    @BeforeEach
    void migrate() {
        DataSource dataSource = EmbeddedH2.migrated("classpath:db/platform", "classpath:db/review-service");
        JsonMapper json = JsonMapper.builder().build();
        NamedParameterJdbcTemplate writes = new NamedParameterJdbcTemplate(dataSource);
        updates = new TicketSummaryUpdater(writes, json);
        tickets = new TicketSummaryProjection(JdbcClient.create(dataSource), json);
        indexUpdates = new EngagementTicketIndexUpdater(writes);
        index = new EngagementTicketIndex(JdbcClient.create(dataSource));
    }

    @Test
    void aReplayedOlderEventDoesNotUndoANewerOne() {
        updates.on(migrationProblem("t-1"), 0, NOW);
        updates.on(new TicketAssignedEvent("t-1", "eng-1", "alex.support"), 1, NOW.plusSeconds(1));
        updates.on(new TicketAssignedEvent("t-1", "eng-1", "sam.support"), 2, NOW.plusSeconds(2));

        updates.on(new TicketAssignedEvent("t-1", "eng-1", "alex.support"), 1, NOW.plusSeconds(1));

        assertThat(tickets.find("t-1")).hasValueSatisfying(ticket -> {
            assertThat(ticket.assignee()).isEqualTo("sam.support");
            assertThat(ticket.version()).isEqualTo(2);
            assertThat(ticket.updatedAt()).isEqualTo(NOW.plusSeconds(2));
        });
    }

    @Test
    void anEventHandledTwiceCountsOnce() {
        updates.on(migrationProblem("t-1"), 0, NOW);
        updates.on(migrationProblem("t-1"), 0, NOW);
        updates.on(new MigrationProblemNotedEvent("t-1", "eng-1", "p-2", "slow again"), 1, NOW.plusSeconds(1));
        updates.on(new MigrationProblemNotedEvent("t-1", "eng-1", "p-2", "slow again"), 1, NOW.plusSeconds(1));

        assertThat(tickets.find("t-1")).hasValueSatisfying(ticket -> {
            assertThat(ticket.migrationProblems()).isEqualTo(2);
            assertThat(ticket.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void theReviewCallsDeadlinesMoveWithTheUpgrade() {
        Instant upgradeAt = Instant.parse("2026-03-20T14:00:00Z");
        Instant movedTo = Instant.parse("2026-03-27T14:00:00Z");
        updates.on(new UpgradeAssistanceRequestedEvent("t-1", "t-1", TicketForm.STANDARD, TicketPriority.NORMAL,
                "Acme", null, details(LocalDate.of(2026, 3, 20))), 0, NOW);
        updates.on(new ReviewCallRequestedEvent("t-1", "t-1", upgradeAt, upgradeAt.minusSeconds(3 * 86400)), 1, NOW);
        assertThat(tickets.queue(new TicketQueueFilter(null, null, null, null, null, null), 0, 10).items())
                .extracting(TicketQueuePage.Item::nextDeadlineAt).containsExactly(upgradeAt.minusSeconds(3 * 86400));

        updates.on(new UpgradeRescheduledEvent("t-1", "t-1", upgradeAt, LocalDate.of(2026, 3, 27),
                LocalTime.of(14, 0), "UTC", movedTo, null, movedTo.minusSeconds(3 * 86400)), 2, NOW);

        assertThat(tickets.find("t-1")).hasValueSatisfying(ticket -> {
            assertThat(ticket.upgradeAt()).isEqualTo(movedTo);
            assertThat(ticket.upgradeDate()).isEqualTo(LocalDate.of(2026, 3, 27));
            assertThat(ticket.reviewCall().state()).isEqualTo("REQUESTED");
            assertThat(ticket.deadlines()).extracting(TicketView.PendingDeadline::dueAt)
                    .containsExactly(movedTo.minusSeconds(3 * 86400), movedTo);
        });
    }

    @Test
    void theIndexFindsAnEngagementsOpenTicket() {
        indexUpdates.on(migrationProblem("t-1"), 0, NOW);
        assertThat(index.openTicketOf("eng-1")).contains("t-1");

        indexUpdates.on(new TicketStatusChangedEvent("t-1", "eng-1", TicketStatus.NEW, TicketStatus.SOLVED), 3, NOW);
        indexUpdates.on(new TicketStatusChangedEvent("t-1", "eng-1", TicketStatus.NEW, TicketStatus.OPEN), 2, NOW);

        assertThat(index.openTicketOf("eng-1")).as("solved, whatever came late").isEmpty();
    }

    static TicketOpenedForMigrationProblemEvent migrationProblem(String ticketId) {
        return new TicketOpenedForMigrationProblemEvent(ticketId, "eng-1", "eng-1", "Acme", TicketPriority.HIGH, "p-1",
                "slow after the upgrade");
    }

    static UpgradeRequestDetails details(LocalDate upgradeDate) {
        return new UpgradeRequestDetails("16.11.0", "17.3.0", List.of("16.11.0", "17.3.0"), Map.of(), "plan",
                "rollback", "2k", "ops@acme.example", upgradeDate, LocalTime.of(14, 0), "UTC", null);
    }
}
