package com.upgradecoordination.notification.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.domain.CaseFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations and the read models' SQL on H2 in PostgreSQL mode, the local run's embedded database. */
class ReadModelsOnH2Test {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    JdbcClient jdbc;
    CaseDirectory directory;
    InboxProjection inbox;

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/platform", "classpath:db/notification-service")
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        directory = new CaseDirectory(jdbc, clock);
        inbox = new InboxProjection(jdbc, clock);
    }

    @Test
    void theFirstEngagementOpenedOfACaseIsRemembered() {
        directory.remember("case-1", "casey.csm", "Acme Corp", "event-1");
        directory.remember("case-1", "someone.else", "Other", "event-2");
        assertThat(directory.find("case-1")).contains(new CaseFacts("case-1", "casey.csm", "Acme Corp"));
        assertThat(directory.find("case-2")).isEmpty();
    }

    @Test
    void aCaseWithoutCsmIsRefused() {
        assertThatThrownBy(() -> directory.remember("case-1", " ", "Acme Corp", "event-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("csm: required");
        assertThat(directory.find("case-1")).isEmpty();
    }

    @Test
    void theInboxListsNewestFirstAndMarksRead() {
        inbox.on(sent("n-1", "casey.csm", "first"), NOW.minusSeconds(60));
        inbox.on(sent("n-2", "casey.csm", "second"), NOW);
        inbox.on(sent("n-3", "robin.csm", "not casey's"), NOW);

        assertThat(inbox.inboxOf("casey.csm")).containsExactly(
                new InboxEntry("n-2", "case-1", "SupportReviewCompleted", "second", NOW, false),
                new InboxEntry("n-1", "case-1", "SupportReviewCompleted", "first", NOW.minusSeconds(60), false));

        assertThat(inbox.markRead("casey.csm", "n-1")).isTrue();
        assertThat(inbox.markRead("casey.csm", "n-1")).isTrue();
        assertThat(inbox.markRead("casey.csm", "n-3")).as("someone else's notification").isFalse();
        assertThat(inbox.markRead("casey.csm", "n-9")).isFalse();
        assertThat(inbox.inboxOf("casey.csm")).extracting(InboxEntry::read).containsExactly(false, true);
        assertThat(inbox.inboxOf("robin.csm")).extracting(InboxEntry::read).containsExactly(false);
    }

    @Test
    void theInboxShowsAtMostAPage() {
        for (int i = 0; i < InboxProjection.PAGE_SIZE + 5; i++) {
            inbox.on(sent("n-" + i, "casey.csm", "message " + i), NOW.plusSeconds(i));
        }
        assertThat(inbox.inboxOf("casey.csm")).hasSize(InboxProjection.PAGE_SIZE)
                .first().extracting(InboxEntry::message).isEqualTo("message " + (InboxProjection.PAGE_SIZE + 4));
    }

    static NotificationSentEvent sent(String id, String recipient, String message) {
        return new NotificationSentEvent(id, "case-1", "event-" + id, "SupportReviewCompleted", recipient,
                Channel.INBOX, message);
    }
}
