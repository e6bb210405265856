package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The INBOX channel: keeps {@code inbox_entry} in step with the event store, read marks included,
 * so it can be dropped and replayed. A new entry goes to the {@link InboxFeed} once the
 * processor's transaction committed (not during a replay: those are old news).
 */
@Component
@ProcessingGroup("inbox")
public class InboxProjection {

    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final InboxFeed feed;

    public InboxProjection(JdbcClient jdbc, InboxFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    @EventHandler
    void on(NotificationSentEvent event, @Timestamp Instant at, ReplayStatus replay) {
        if (event.channel() != Channel.INBOX) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO inbox_entry (notification_id, recipient, case_id, source_event_type, message,
                            created_at)
                        VALUES (:id, :recipient, :caseId, :type, :message, :at)""")
                .param("id", event.notificationId())
                .param("recipient", event.recipient())
                .param("caseId", event.caseId())
                .param("type", event.sourceEventType())
                .param("message", event.message())
                .param("at", java.sql.Timestamp.from(at))
                .update();
        if (replay.isReplay()) {
            return;
        }
        var arrival = new InboxFeed.Arrival(event.recipient(), new InboxEntry(event.notificationId(), event.caseId(),
                event.sourceEventType(), event.message(), at, false));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> feed.publish(arrival));
        } else {
            feed.publish(arrival);
        }
    }

    /** Marking read again keeps the first time. */
    @EventHandler
    void on(NotificationReadEvent event, @Timestamp Instant at) {
        jdbc.sql("UPDATE inbox_entry SET read_at = COALESCE(read_at, :at) WHERE notification_id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", event.notificationId())
                .update();
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM inbox_entry").update();
    }

    /** The recipient's newest {@value #PAGE_SIZE} notifications, newest first. */
    public List<InboxEntry> inboxOf(String recipient) {
        return jdbc.sql("""
                        SELECT notification_id, case_id, source_event_type, message, created_at, read_at
                        FROM inbox_entry WHERE recipient = :recipient
                        ORDER BY created_at DESC, notification_id
                        LIMIT :limit""")
                .param("recipient", recipient)
                .param("limit", PAGE_SIZE)
                .query((rs, row) -> new InboxEntry(
                        rs.getString("notification_id"),
                        rs.getString("case_id"),
                        rs.getString("source_event_type"),
                        rs.getString("message"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") != null))
                .list();
    }

    /** Whether the notification is in the recipient's inbox. */
    public boolean holds(String recipient, String notificationId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE notification_id = :id AND recipient = :recipient")
                .param("id", notificationId)
                .param("recipient", recipient)
                .query(Long.class).single() == 1;
    }
}
