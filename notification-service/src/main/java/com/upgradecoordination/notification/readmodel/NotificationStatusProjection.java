package com.upgradecoordination.notification.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code notification_status}, every notification and its delivery, as
 * {@link NotificationStatusUpdater} keeps it: the delivery worker's queue (which claims its rows
 * here) and the answer to {@code GET /notifications?status=...}.
 */
@Component
public class NotificationStatusProjection {

    /** The processor of {@link NotificationStatusUpdater}, which the delivery worker waits on. */
    public static final String PROCESSING_GROUP = "notification-status";
    public static final int PAGE_SIZE = 100;

    /** The states of a notification's delivery. */
    public enum DeliveryState { QUEUED, SENT, FAILED }

    private final JdbcClient jdbc;

    public NotificationStatusProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@value #PAGE_SIZE} most recently changed notifications in {@code state} (all when null), newest first. */
    public List<NotificationStatus> list(DeliveryState state) {
        return jdbc.sql("""
                        SELECT notification_id, case_id, source_event_type, recipient, channel, status, attempts,
                            last_error, created_at, updated_at
                        FROM notification_status
                        WHERE (CAST(:status AS VARCHAR(20)) IS NULL OR status = :status)
                        ORDER BY updated_at DESC, notification_id
                        LIMIT :limit""")
                .param("status", state == null ? null : state.name())
                .param("limit", PAGE_SIZE)
                .query((rs, row) -> new NotificationStatus(
                        rs.getString("notification_id"),
                        rs.getString("case_id"),
                        rs.getString("source_event_type"),
                        rs.getString("recipient"),
                        rs.getString("channel"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /**
     * A queued notification whose next delivery attempt is due.
     *
     * @param email the address of an EMAIL notification; a WEBHOOK's URL is looked up when it is delivered
     */
    public record DueDelivery(String notificationId, String caseId, String sourceEventId, String sourceEventType,
                              String recipient, String channel, String email, String message, int failedAttempts,
                              String correlationId) {
    }

    /** Up to {@code limit} queued notifications due at {@code now} and not claimed by an attempt under way. */
    public List<DueDelivery> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT notification_id, case_id, source_event_id, source_event_type, recipient, channel,
                            email, message, attempts, correlation_id
                        FROM notification_status
                        WHERE status = 'QUEUED' AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                        ORDER BY next_attempt_at, notification_id
                        LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new DueDelivery(
                        rs.getString("notification_id"),
                        rs.getString("case_id"),
                        rs.getString("source_event_id"),
                        rs.getString("source_event_type"),
                        rs.getString("recipient"),
                        rs.getString("channel"),
                        rs.getString("email"),
                        rs.getString("message"),
                        rs.getInt("attempts"),
                        rs.getString("correlation_id")))
                .list();
    }

    /**
     * Claims a due notification for one attempt until {@code until}, so no other poll attempts it
     * meanwhile; the attempt's recorded outcome clears the claim.
     *
     * @return false when it is no longer due or someone else claimed it
     */
    public boolean claim(String notificationId, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE notification_status SET claimed_until = :until
                        WHERE notification_id = :id AND status = 'QUEUED'
                          AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("id", notificationId)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .update() == 1;
    }
}
