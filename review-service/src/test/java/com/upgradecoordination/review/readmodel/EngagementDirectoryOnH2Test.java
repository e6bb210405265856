package com.upgradecoordination.review.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.EmbeddedH2;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engagement directory on H2, the local run's database: an engagement a ticket holds before its
 * opening arrived reads as unknown until the opening fills it in, and the opening waits for the
 * ticket that holds it (CsmFollowerRaceIT shows the same on PostgreSQL, end to end).
 */
class EngagementDirectoryOnH2Test {

    static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");

    DataSource dataSource;
    JdbcClient jdbc;
    EngagementDirectory directory;
    TransactionTemplate transactions;

    @BeforeEach
    void migrate() {
        dataSource = EmbeddedH2.migrated("classpath:db/platform", "classpath:db/review-service");
        jdbc = JdbcClient.create(dataSource);
        directory = new EngagementDirectory(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void anEngagementHeldBeforeItsOpeningIsUnknownUntilTheOpeningFillsItIn() {
        assertThat(held("e-1")).isEmpty();
        assertThat(csmForNewTicket("e-1", "Acme")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_directory").query(Long.class).single()).isEqualTo(1);

        directory.record(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"), OPENED);

        assertThat(held("e-1"))
                .contains(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"));
        assertThat(directory.csmOfOrganisation("ACME")).contains("casey.csm");
        assertThat(jdbc.sql("SELECT opened_at FROM engagement_directory").query(Instant.class).single())
                .isEqualTo(OPENED);
    }

    @Test
    void anEngagementNotOpenedIsNobodysOrganisationAndTheOrganisationsCsmStillAnswers() {
        directory.record(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"), OPENED);
        held("e-2");

        assertThat(csmForNewTicket("e-2", "acme")).contains("casey.csm");
        assertThat(csmForNewTicket(null, "Acme")).contains("casey.csm");
        assertThat(csmForNewTicket(null, "Other")).isEmpty();
    }

    @Test
    void aCorrectedOpeningKeepsItsFirstTime() {
        directory.record(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"), OPENED);
        directory.record(new EngagementDirectory.Entry("e-1", "Acme Corp", "lee.csm"), OPENED.plusSeconds(60));

        assertThat(held("e-1"))
                .contains(new EngagementDirectory.Entry("e-1", "Acme Corp", "lee.csm"));
        assertThat(jdbc.sql("SELECT opened_at FROM engagement_directory").query(Instant.class).single())
                .isEqualTo(OPENED);
    }

    @Test
    void theOpeningWaitsForTheTicketHoldingItsEngagementAndThenFillsItIn() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Optional<EngagementDirectory.Entry>> ticket = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> {
                    Optional<EngagementDirectory.Entry> read = directory.hold("e-1");
                    held.countDown();
                    await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
                    return read;
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status ->
                directory.record(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"), OPENED)));
        await().atMost(Duration.ofSeconds(30)).until(this::theOpeningRunsItsInsert);
        assertThat(opening).isNotDone();
        commit.countDown();

        assertThat(ticket.get(30, TimeUnit.SECONDS)).isEmpty();
        opening.get(30, TimeUnit.SECONDS);
        assertThat(held("e-1"))
                .contains(new EngagementDirectory.Entry("e-1", "Acme", "casey.csm"));
    }

    /** The engagement as a ticket's transaction reads it, holding it until that commits. */
    private Optional<EngagementDirectory.Entry> held(String engagementId) {
        return transactions.execute(status -> directory.hold(engagementId));
    }

    private Optional<String> csmForNewTicket(String engagementId, String organisation) {
        return transactions.execute(status -> directory.csmForNewTicket(engagementId, organisation));
    }

    /** H2 names no blocker for a row lock: the opening's insert is running, and cannot end before the ticket's. */
    private boolean theOpeningRunsItsInsert() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM information_schema.sessions
                        WHERE session_state = 'RUNNING' AND executing_statement LIKE 'INSERT INTO engagement_directory%'
                            AND executing_statement LIKE '%customer_organisation%'""")
                .query(Long.class).single() > 0;
    }
}
