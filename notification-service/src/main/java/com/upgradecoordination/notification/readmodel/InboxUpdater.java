package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The INBOX channel: keeps {@code inbox_entry} in step with the event store, read marks included,
 * so it can be dropped and replayed; {@link InboxProjection} reads it. A new entry goes to the
 * {@link InboxFeed} once the processor's transaction committed (not during a replay: those are old
 * news).
 */
@Component
@ProcessingGroup("inbox")
class InboxUpdater {

    private final ProjectionTable entries;
    private final InboxFeed feed;

    InboxUpdater(NamedParameterJdbcTemplate jdbc, InboxFeed feed) {
        this.entries = new ProjectionTable(jdbc, "inbox_entry", "notification_id");
        this.feed = feed;
    }

    @EventHandler
    void on(NotificationSentEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        if (event.channel() != Channel.INBOX) {
            return;
        }
        boolean inserted = entries.insert(event.notificationId(), sequence, at, Columns.of(
                "recipient", event.recipient(), "case_id", event.caseId(), "source_event_type", event.sourceEventType(),
                "message", event.message(), "created_at", at));
        if (!inserted || replay.isReplay()) {
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
    void on(NotificationReadEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        entries.update(event.notificationId(), sequence, at, Columns.of().parameter("read_now", at)
                .compute("read_at", "COALESCE(read_at, CAST(:read_now AS TIMESTAMP WITH TIME ZONE))"));
    }

    @ResetHandler
    void dropAll() {
        entries.deleteAll();
    }
}
