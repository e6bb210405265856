package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The INBOX channel: keeps {@code inbox_entry} in step with the event store. It can be dropped and
 * replayed, except that read marks are plain updates of this table for now and a replay forgets them.
 */
@Component
@ProcessingGroup("inbox")
public class InboxProjection {

    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    public InboxProjection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(NotificationSentEvent event, @Timestamp Instant at) {
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

    /**
     * Marks the notification read in the recipient's inbox; marking it again keeps the first time.
     *
     * @return false when the recipient has no such notification
     */
    public boolean markRead(String recipient, String notificationId) {
        int updated = jdbc.sql("""
                        UPDATE inbox_entry SET read_at = COALESCE(read_at, :now)
                        WHERE notification_id = :id AND recipient = :recipient""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", notificationId)
                .param("recipient", recipient)
                .update();
        return updated == 1;
    }
}
