package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code notification_status} in step with the event store: every notification and its
 * delivery (queued, attempts, sent or failed). It can be dropped and replayed;
 * {@link NotificationStatusProjection} reads it.
 */
@Component
@ProcessingGroup(NotificationStatusProjection.PROCESSING_GROUP)
class NotificationStatusUpdater {

    private final ProjectionTable statuses;

    NotificationStatusUpdater(NamedParameterJdbcTemplate jdbc) {
        this.statuses = new ProjectionTable(jdbc, "notification_status", "notification_id");
    }

    @EventHandler
    void on(NotificationQueuedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        statuses.insert(event.notificationId(), sequence, at, Columns.of("case_id", event.caseId(),
                "source_event_id", event.sourceEventId(), "source_event_type", event.sourceEventType(),
                "recipient", event.recipient(), "channel", event.channel(), "email", event.email(),
                "webhook_fingerprint", event.webhookFingerprint(), "message", event.message(), "status", "QUEUED",
                "attempts", 0, "next_attempt_at", at, "correlation_id", correlationId, "created_at", at));
    }

    /** The end of a queued delivery, or the whole life of an inbox notification. */
    @EventHandler
    void on(NotificationSentEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        if (!statuses.update(event.notificationId(), sequence, at,
                Columns.of("status", "SENT", "next_attempt_at", null, "claimed_until", null))) {
            statuses.insert(event.notificationId(), sequence, at, Columns.of("case_id", event.caseId(),
                    "source_event_id", event.sourceEventId(), "source_event_type", event.sourceEventType(),
                    "recipient", event.recipient(), "channel", event.channel(), "message", event.message(),
                    "status", "SENT", "attempts", 0, "correlation_id", correlationId, "created_at", at));
        }
    }

    @EventHandler
    void on(NotificationDeliveryAttemptFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        statuses.update(event.notificationId(), sequence, at, Columns.of("attempts", event.attempt(),
                "last_error", event.reason(), "next_attempt_at", event.nextAttemptAt(), "claimed_until", null));
    }

    @EventHandler
    void on(NotificationFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        statuses.update(event.notificationId(), sequence, at, Columns.of("status", "FAILED",
                "attempts", event.attempts(), "last_error", event.reason(), "next_attempt_at", null,
                "claimed_until", null));
    }

    @ResetHandler
    void dropAll() {
        statuses.deleteAll();
    }
}
