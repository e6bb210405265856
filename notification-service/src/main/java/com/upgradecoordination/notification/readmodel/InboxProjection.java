package com.upgradecoordination.notification.readmodel;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the INBOX channel's {@code inbox_entry}, as {@link InboxUpdater} keeps it. */
@Component
public class InboxProjection {

    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;

    public InboxProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
