package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code notification_status} in step with the event store: every notification and its
 * delivery (queued, attempts, sent or failed). It is the delivery worker's queue and the answer to
 * {@code GET /notifications?status=...}; it can be dropped and replayed.
 */
@Component
@ProcessingGroup(NotificationStatusProjection.PROCESSING_GROUP)
public class NotificationStatusProjection {

    public static final String PROCESSING_GROUP = "notification-status";
    public static final int PAGE_SIZE = 100;

    /** The states of a notification's delivery. */
    public enum DeliveryState { QUEUED, SENT, FAILED }

    private final JdbcClient jdbc;

    public NotificationStatusProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationQueuedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        jdbc.sql("""
                        INSERT INTO notification_status (notification_id, case_id, source_event_id, source_event_type,
                            recipient, channel, email, webhook_fingerprint, message, status, attempts, next_attempt_at,
                            correlation_id, created_at, updated_at)
                        VALUES (:id, :caseId, :sourceEventId, :type, :recipient, :channel, :email, :fingerprint,
                            :message, 'QUEUED', 0, :at, :correlationId, :at, :at)""")
                .param("id", event.notificationId())
                .param("caseId", event.caseId())
                .param("sourceEventId", event.sourceEventId())
                .param("type", event.sourceEventType())
                .param("recipient", event.recipient())
                .param("channel", event.channel().name())
                .param("email", event.email())
                .param("fingerprint", event.webhookFingerprint())
                .param("message", event.message())
                .param("correlationId", correlationId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The end of a queued delivery, or the whole life of an inbox notification. */
    @EventHandler
    void on(NotificationSentEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        int updated = jdbc.sql("""
                        UPDATE notification_status SET status = 'SENT', next_attempt_at = NULL, claimed_until = NULL,
                            updated_at = :at
                        WHERE notification_id = :id""")
                .param("id", event.notificationId())
                .param("at", Timestamp.from(at))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO notification_status (notification_id, case_id, source_event_id,
                                source_event_type, recipient, channel, message, status, attempts, correlation_id,
                                created_at, updated_at)
                            VALUES (:id, :caseId, :sourceEventId, :type, :recipient, :channel, :message, 'SENT', 0,
                                :correlationId, :at, :at)""")
                    .param("id", event.notificationId())
                    .param("caseId", event.caseId())
                    .param("sourceEventId", event.sourceEventId())
                    .param("type", event.sourceEventType())
                    .param("recipient", event.recipient())
                    .param("channel", event.channel().name())
                    .param("message", event.message())
                    .param("correlationId", correlationId)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    @EventHandler
    void on(NotificationDeliveryAttemptFailedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE notification_status SET attempts = :attempt, last_error = :reason,
                            next_attempt_at = :next, claimed_until = NULL, updated_at = :at
                        WHERE notification_id = :id""")
                .param("id", event.notificationId())
                .param("attempt", event.attempt())
                .param("reason", event.reason())
                .param("next", event.nextAttemptAt() == null ? null : Timestamp.from(event.nextAttemptAt()))
                .param("at", Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(NotificationFailedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE notification_status SET status = 'FAILED', attempts = :attempts, last_error = :reason,
                            next_attempt_at = NULL, claimed_until = NULL, updated_at = :at
                        WHERE notification_id = :id""")
                .param("id", event.notificationId())
                .param("attempts", event.attempts())
                .param("reason", event.reason())
                .param("at", Timestamp.from(at))
                .update();
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM notification_status").update();
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
