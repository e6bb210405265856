package com.upgradecoordination.notification.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import com.upgradecoordination.notification.delivery.WebhookUrlTable;
import com.upgradecoordination.notification.domain.CaseFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations and the read models' SQL on H2 in PostgreSQL mode, the local run's embedded database. */
class ReadModelsOnH2Test {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    JdbcClient jdbc;
    CaseDirectory directory;
    InboxProjection inbox;
    InboxFeed feed;
    NotificationStatusProjection statuses;
    RecipientDirectory recipients;
    InboxUpdater inboxUpdates;
    NotificationStatusUpdater statusUpdates;
    RecipientAddressUpdater addressUpdates;

    @BeforeEach
    void migrate() {
        DataSource dataSource = EmbeddedH2.migrated("classpath:db/platform", "classpath:db/notification-service");
        jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        directory = new CaseDirectory(jdbc, clock);
        feed = new InboxFeed();
        inbox = new InboxProjection(jdbc);
        statuses = new NotificationStatusProjection(jdbc);
        recipients = new RecipientDirectory(jdbc);
        NamedParameterJdbcTemplate writes = new NamedParameterJdbcTemplate(dataSource);
        inboxUpdates = new InboxUpdater(writes, feed);
        statusUpdates = new NotificationStatusUpdater(writes);
        addressUpdates = new RecipientAddressUpdater(writes);
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
    void theInboxListsNewestFirstAndKeepsReadMarksFromEvents() {
        inboxUpdates.on(sent("n-1", "casey.csm", "first"), 0, NOW.minusSeconds(60), ReplayStatus.REGULAR);
        inboxUpdates.on(sent("n-2", "casey.csm", "second"), 0, NOW, ReplayStatus.REGULAR);
        inboxUpdates.on(sent("n-3", "robin.csm", "not casey's"), 0, NOW, ReplayStatus.REGULAR);

        assertThat(inbox.inboxOf("casey.csm")).containsExactly(
                new InboxEntry("n-2", "case-1", "SupportReviewCompleted", "second", NOW, false),
                new InboxEntry("n-1", "case-1", "SupportReviewCompleted", "first", NOW.minusSeconds(60), false));

        inboxUpdates.on(new NotificationReadEvent("n-1", "casey.csm"), 1, NOW);
        inboxUpdates.on(new NotificationReadEvent("n-1", "casey.csm"), 2, NOW.plusSeconds(5));
        assertThat(inbox.inboxOf("casey.csm")).extracting(InboxEntry::read).containsExactly(false, true);
        assertThat(inbox.inboxOf("robin.csm")).extracting(InboxEntry::read).containsExactly(false);
        assertThat(inbox.holds("casey.csm", "n-1")).isTrue();
        assertThat(inbox.holds("casey.csm", "n-3")).as("someone else's notification").isFalse();
        assertThat(inbox.holds("casey.csm", "n-9")).isFalse();
    }

    @Test
    void newEntriesReachTheFeedButReplayedOnesDoNot() {
        List<InboxEntry> arrived = new CopyOnWriteArrayList<>();
        var subscription = feed.arrivalsFor("casey.csm").subscribe(arrived::add);
        inboxUpdates.on(sent("n-1", "casey.csm", "live"), 0, NOW, ReplayStatus.REGULAR);
        inboxUpdates.on(sent("n-2", "robin.csm", "not casey's"), 0, NOW, ReplayStatus.REGULAR);
        inboxUpdates.on(sent("n-3", "casey.csm", "old news"), 0, NOW, ReplayStatus.REPLAY);
        subscription.dispose();
        assertThat(arrived).extracting(InboxEntry::message).containsExactly("live");
    }

    @Test
    void theInboxShowsAtMostAPage() {
        for (int i = 0; i < InboxProjection.PAGE_SIZE + 5; i++) {
            inboxUpdates.on(sent("n-" + i, "casey.csm", "message " + i), 0, NOW.plusSeconds(i), ReplayStatus.REGULAR);
        }
        assertThat(inbox.inboxOf("casey.csm")).hasSize(InboxProjection.PAGE_SIZE)
                .first().extracting(InboxEntry::message).isEqualTo("message " + (InboxProjection.PAGE_SIZE + 4));
    }

    @Test
    void aQueuedNotificationIsDueUntilClaimedAndEndsSentOrFailed() {
        statusUpdates.on(queued("n-1"), 0, NOW, "corr-1");
        statusUpdates.on(queued("n-2"), 0, NOW.plusSeconds(60), "corr-2");
        assertThat(statuses.due(NOW, 10)).extracting(NotificationStatusProjection.DueDelivery::notificationId,
                NotificationStatusProjection.DueDelivery::failedAttempts,
                NotificationStatusProjection.DueDelivery::correlationId).containsExactly(tuple("n-1", 0, "corr-1"));

        assertThat(statuses.claim("n-1", NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(statuses.claim("n-1", NOW, NOW.plusSeconds(30))).as("claimed already").isFalse();
        assertThat(statuses.due(NOW, 10)).isEmpty();

        statusUpdates.on(new NotificationDeliveryAttemptFailedEvent("n-1", 1, "webhook answered 503", false,
                NOW.plusSeconds(5)), 1, NOW);
        assertThat(statuses.due(NOW, 10)).isEmpty();
        assertThat(statuses.due(NOW.plusSeconds(5), 10)).extracting(
                NotificationStatusProjection.DueDelivery::failedAttempts).containsExactly(1);

        statusUpdates.on(new NotificationSentEvent("n-1", "case-1", "event-n-1", "SupportReviewCompleted", "casey.csm",
                Channel.WEBHOOK, "hello"), 2, NOW.plusSeconds(6), "corr-1");
        statusUpdates.on(new NotificationFailedEvent("n-2", "case-1", "event-n-2", "SupportReviewCompleted",
                "casey.csm", Channel.WEBHOOK, 1, "webhook answered 404"), 1, NOW.plusSeconds(61));
        assertThat(statuses.due(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(statuses.list(NotificationStatusProjection.DeliveryState.FAILED))
                .extracting(NotificationStatus::id, NotificationStatus::attempts, NotificationStatus::lastError)
                .containsExactly(tuple("n-2", 1, "webhook answered 404"));
        assertThat(statuses.list(NotificationStatusProjection.DeliveryState.SENT))
                .extracting(NotificationStatus::id, NotificationStatus::attempts, NotificationStatus::lastError)
                .containsExactly(tuple("n-1", 1, "webhook answered 503"));
    }

    @Test
    void aReplayedOlderEventDoesNotUndoANewerOne() {
        statusUpdates.on(queued("n-1"), 0, NOW, "corr-1");
        statusUpdates.on(new NotificationSentEvent("n-1", "case-1", "event-n-1", "SupportReviewCompleted", "casey.csm",
                Channel.WEBHOOK, "hello"), 2, NOW.plusSeconds(6), "corr-1");

        statusUpdates.on(new NotificationDeliveryAttemptFailedEvent("n-1", 1, "webhook answered 503", false,
                NOW.plusSeconds(5)), 1, NOW);
        inboxUpdates.on(sent("n-2", "casey.csm", "once"), 0, NOW, ReplayStatus.REGULAR);
        inboxUpdates.on(sent("n-2", "casey.csm", "once"), 0, NOW, ReplayStatus.REGULAR);

        assertThat(statuses.list(null)).extracting(NotificationStatus::id, NotificationStatus::status,
                NotificationStatus::attempts, NotificationStatus::updatedAt).containsExactly(
                tuple("n-1", "SENT", 0, NOW.plusSeconds(6)));
        assertThat(statuses.due(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(inbox.inboxOf("casey.csm")).hasSize(1);
    }

    @Test
    void anInboxNotificationIsListedAsSent() {
        statusUpdates.on(sent("n-1", "casey.csm", "hello"), 0, NOW, "corr-1");
        assertThat(statuses.list(null)).extracting(NotificationStatus::id, NotificationStatus::channel,
                NotificationStatus::status).containsExactly(tuple("n-1", "INBOX", "SENT"));
    }

    @Test
    void anEmailAddressIsReplacedAndRemoved() {
        addressUpdates.on(new RecipientEmailChangedEvent("casey.csm", "casey@acme.example"), 0, NOW);
        assertThat(recipients.emailOf("casey.csm")).contains("casey@acme.example");
        addressUpdates.on(new RecipientEmailChangedEvent("casey.csm", "casey@globex.example"), 1, NOW);
        assertThat(recipients.emailOf("casey.csm")).contains("casey@globex.example");
        addressUpdates.on(new RecipientEmailChangedEvent("casey.csm", null), 2, NOW);
        assertThat(recipients.emailOf("casey.csm")).isEmpty();
        assertThat(recipients.emailOf("robin.csm")).isEmpty();
    }

    @Test
    void aWebhookUrlIsKeptInItsTableAndShownOnlyMasked() {
        WebhookUrlTable webhooks = new WebhookUrlTable(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        String url = "https://hooks.slack.example/services/T0/B0/secret";
        webhooks.store("casey.csm", url);
        assertThat(webhooks.urlOf("casey.csm")).contains(url);
        assertThat(webhooks.maskedOf("casey.csm")).contains(new WebhookUrlTable.MaskedWebhook("hooks.slack.example",
                WebhookFingerprint.of(url), NOW));
        webhooks.store("casey.csm", "https://hooks.slack.example/services/T0/B0/other");
        assertThat(webhooks.fingerprintOf("casey.csm"))
                .contains(WebhookFingerprint.of("https://hooks.slack.example/services/T0/B0/other"));
        webhooks.remove("casey.csm");
        assertThat(webhooks.urlOf("casey.csm")).isEmpty();
        assertThat(webhooks.maskedOf("casey.csm")).isEmpty();
    }

    @Test
    void aQueuedWebhookNotificationHoldsItsFingerprintAndAnEmailOneItsAddress() {
        statusUpdates.on(queued("n-1"), 0, NOW, "corr-1");
        statusUpdates.on(new NotificationQueuedEvent("n-2", "case-1", "event-n-2", "SupportReviewCompleted",
                "casey.csm", Channel.EMAIL, "casey@acme.example", null, "hello"), 0, NOW, "corr-2");
        assertThat(statuses.due(NOW, 10)).extracting(NotificationStatusProjection.DueDelivery::notificationId,
                        NotificationStatusProjection.DueDelivery::email)
                .containsExactly(tuple("n-1", null), tuple("n-2", "casey@acme.example"));
        assertThat(jdbc.sql("SELECT webhook_fingerprint FROM notification_status WHERE notification_id = 'n-1'")
                .query(String.class).single()).isEqualTo("0123456789ab");
    }

    static NotificationQueuedEvent queued(String id) {
        return new NotificationQueuedEvent(id, "case-1", "event-" + id, "SupportReviewCompleted", "casey.csm",
                Channel.WEBHOOK, null, "0123456789ab", "hello");
    }

    static NotificationSentEvent sent(String id, String recipient, String message) {
        return new NotificationSentEvent(id, "case-1", "event-" + id, "SupportReviewCompleted", recipient,
                Channel.INBOX, message);
    }
}
