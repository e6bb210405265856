package com.upgradecoordination.notification.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.SendNotificationCommand;
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
 * <p>Sent at most once per (event, recipient, channel), in three layers:
 * <ol>
 *   <li>the Kafka consumer's inbox runs an integration event's effect once per event id;</li>
 *   <li>the notification id is derived from (source event id, recipient, channel), and this
 *       aggregate refuses any other id, so a repeated send addresses the same aggregate;</li>
 *   <li>sending is {@link AggregateCreationPolicy#CREATE_IF_MISSING}: a send to an existing
 *       notification loads it, finds it sent and applies nothing (it succeeds, so a redelivery is
 *       not an error). Two concurrent first sends both try to store sequence number 0 of the same
 *       aggregate; the event store's unique key (aggregate id, sequence number) lets one commit
 *       and fails the other, whose retry then finds the notification sent.</li>
 * </ol>
 */
@Aggregate
public class Notification {

    /** Limits of the stored fields, so no read model can be handed a value it cannot hold. */
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_RECIPIENT_LENGTH = 200;
    public static final int MAX_MESSAGE_LENGTH = 2000;

    @AggregateIdentifier
    private String notificationId;
    private boolean sent;

    protected Notification() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    /** @return the notification id, also when it had already been sent */
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
        require(command.message(), "message", MAX_MESSAGE_LENGTH);
        String expectedId = SendNotificationCommand.idFor(command.sourceEventId(), command.recipient(), command.channel());
        if (!expectedId.equals(command.notificationId())) {
            throw new IllegalArgumentException("notificationId: must be " + expectedId
                    + ", the id of (sourceEventId, recipient, channel)");
        }
        if (sent) {
            return notificationId;
        }
        apply(new NotificationSentEvent(command.notificationId(), command.caseId(), command.sourceEventId(),
                command.sourceEventType(), command.recipient(), command.channel(), command.message()));
        return command.notificationId();
    }

    @EventSourcingHandler
    void on(NotificationSentEvent event) {
        notificationId = event.notificationId();
        sent = true;
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
