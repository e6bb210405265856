package com.upgradecoordination.notification.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.MarkNotificationReadCommand;
import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.RecordDeliveryFailureCommand;
import com.upgradecoordination.notification.api.RecordNotificationDeliveredCommand;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One notification: one source event told to one recipient on one channel. Command handlers
 * validate and apply; event-sourcing handlers only assign state.
 *
 * <p>An inbox notification is sent when it is created (the inbox is its delivery). An email or
 * webhook notification is queued; the delivery worker attempts it and records every failed
 * attempt with the time of the next one (exponential backoff, {@link DeliveryRetryPolicy}), then
 * either {@link NotificationSentEvent} or, when the failure is permanent or the attempts ran out,
 * {@link NotificationFailedEvent}.
 *
 * <p>Created at most once per (event, recipient, channel), in three layers:
 * <ol>
 *   <li>the Kafka consumer's inbox runs an integration event's effect once per event id;</li>
 *   <li>the notification id is derived from (source event id, recipient, channel), and this
 *       aggregate refuses any other id, so a repeated send addresses the same aggregate;</li>
 *   <li>sending is {@link AggregateCreationPolicy#CREATE_IF_MISSING}: a send to an existing
 *       notification loads it and applies nothing (it succeeds, so a redelivery is not an error).
 *       Two concurrent first sends both try to store sequence number 0 of the same aggregate; the
 *       event store's unique key (aggregate id, sequence number) lets one commit and fails the
 *       other, whose retry then finds the notification.</li>
 * </ol>
 * Reports of a delivery attempt that is already recorded, or of a notification no longer queued,
 * change nothing either.
 */
@Aggregate
public class Notification {

    /** Limits of the stored fields, so no read model can be handed a value it cannot hold. */
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_RECIPIENT_LENGTH = 200;
    public static final int MAX_MESSAGE_LENGTH = 2000;
    public static final int MAX_ADDRESS_LENGTH = 2000;
    public static final int MAX_REASON_LENGTH = 2000;

    enum Status { QUEUED, SENT, FAILED }

    @AggregateIdentifier
    private String notificationId;
    private String caseId;
    private String sourceEventId;
    private String sourceEventType;
    private String recipient;
    private Channel channel;
    private String message;
    private Status status;
    private int failedAttempts;
    private boolean read;

    protected Notification() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    /** @return the notification id, also when the notification already existed */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(SendNotificationCommand command) {
        require(command.notificationId(), "notificationId", MAX_ID_LENGTH);
        require(command.caseId(), "caseId", MAX_ID_LENGTH);
        require(command.sourceEventId(), "sourceEventId", MAX_ID_LENGTH);
        require(command.sourceEventType(), "sourceEventType", MAX_ID_LENGTH);
        require(command.recipient(), "recipient", MAX_RECIPIENT_LENGTH);
        if (command.channel() == null) {
            throw new IllegalArgumentException("channel: required");
        }
        requireAddressOf(command);
        require(command.message(), "message", MAX_MESSAGE_LENGTH);
        String expectedId = SendNotificationCommand.idFor(command.sourceEventId(), command.recipient(), command.channel());
        if (!expectedId.equals(command.notificationId())) {
            throw new IllegalArgumentException("notificationId: must be " + expectedId
                    + ", the id of (sourceEventId, recipient, channel)");
        }
        if (status != null) {
            return notificationId;
        }
        if (command.channel() == Channel.INBOX) {
            apply(new NotificationSentEvent(command.notificationId(), command.caseId(), command.sourceEventId(),
                    command.sourceEventType(), command.recipient(), command.channel(), command.message()));
        } else {
            apply(new NotificationQueuedEvent(command.notificationId(), command.caseId(), command.sourceEventId(),
                    command.sourceEventType(), command.recipient(), command.channel(), command.email(),
                    command.webhookFingerprint(), command.message()));
        }
        return command.notificationId();
    }

    @CommandHandler
    public void handle(RecordNotificationDeliveredCommand command) {
        requireAttempt(command.attempt());
        if (status != Status.QUEUED) {
            return; // recorded before: a repeated report
        }
        apply(new NotificationSentEvent(notificationId, caseId, sourceEventId, sourceEventType, recipient, channel,
                message));
    }

    @CommandHandler
    public void handle(RecordDeliveryFailureCommand command, DeliveryRetryPolicy retryPolicy, Clock clock) {
        requireAttempt(command.attempt());
        require(command.reason(), "reason", Integer.MAX_VALUE);
        if (status != Status.QUEUED || command.attempt() <= failedAttempts) {
            return; // recorded before: a repeated report
        }
        String reason = command.reason().length() > MAX_REASON_LENGTH
                ? command.reason().substring(0, MAX_REASON_LENGTH - 1) + "…" : command.reason();
        boolean givingUp = command.permanent() || command.attempt() >= retryPolicy.maxAttempts();
        Instant nextAttemptAt = givingUp ? null : clock.instant().plus(retryPolicy.delayAfter(command.attempt()));
        apply(new NotificationDeliveryAttemptFailedEvent(notificationId, command.attempt(), reason,
                command.permanent(), nextAttemptAt));
        if (givingUp) {
            apply(new NotificationFailedEvent(notificationId, caseId, sourceEventId, sourceEventType, recipient,
                    channel, command.attempt(), reason));
        }
    }

    @CommandHandler
    public void handle(MarkNotificationReadCommand command) {
        require(command.recipient(), "recipient", MAX_RECIPIENT_LENGTH);
        if (channel != Channel.INBOX) {
            throw new RuleViolationException("inbox-notifications-only",
                    "Only inbox notifications are marked read; this one went by " + channel);
        }
        if (!recipient.equals(command.recipient())) {
            throw new RuleViolationException("own-notifications-only",
                    "This notification is not in the inbox of " + command.recipient());
        }
        if (read) {
            return;
        }
        apply(new NotificationReadEvent(notificationId, recipient));
    }

    @EventSourcingHandler
    void on(NotificationQueuedEvent event) {
        describe(event.notificationId(), event.caseId(), event.sourceEventId(), event.sourceEventType(),
                event.recipient(), event.channel(), event.message());
        status = Status.QUEUED;
    }

    /** A notification told at once (the inbox) starts with this event, so it carries the whole description. */
    @EventSourcingHandler
    void on(NotificationSentEvent event) {
        describe(event.notificationId(), event.caseId(), event.sourceEventId(), event.sourceEventType(),
                event.recipient(), event.channel(), event.message());
        status = Status.SENT;
    }

    private void describe(String notificationId, String caseId, String sourceEventId, String sourceEventType,
                          String recipient, Channel channel, String message) {
        this.notificationId = notificationId;
        this.caseId = caseId;
        this.sourceEventId = sourceEventId;
        this.sourceEventType = sourceEventType;
        this.recipient = recipient;
        this.channel = channel;
        this.message = message;
    }

    @EventSourcingHandler
    void on(NotificationDeliveryAttemptFailedEvent event) {
        failedAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(NotificationFailedEvent event) {
        status = Status.FAILED;
    }

    @EventSourcingHandler
    void on(NotificationReadEvent event) {
        read = true;
    }

    /** An email notification names its address, a webhook notification its URL's fingerprint, the inbox neither. */
    private static void requireAddressOf(SendNotificationCommand command) {
        boolean email = command.channel() == Channel.EMAIL;
        boolean webhook = command.channel() == Channel.WEBHOOK;
        if (email) {
            require(command.email(), "email", MAX_ADDRESS_LENGTH);
        } else if (command.email() != null) {
            throw new IllegalArgumentException("email: only an EMAIL notification has one");
        }
        if (webhook) {
            require(command.webhookFingerprint(), "webhookFingerprint", WebhookFingerprint.LENGTH);
        } else if (command.webhookFingerprint() != null) {
            throw new IllegalArgumentException("webhookFingerprint: only a WEBHOOK notification has one");
        }
    }

    private static void requireAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt: at least 1");
        }
    }

    private static void require(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
    }
}
