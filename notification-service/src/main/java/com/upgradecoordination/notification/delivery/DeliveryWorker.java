package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.RecordDeliveryFailureCommand;
import com.upgradecoordination.notification.api.RecordNotificationDeliveredCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import com.upgradecoordination.notification.readmodel.NotificationStatusProjection;
import com.upgradecoordination.notification.readmodel.NotificationStatusProjection.DueDelivery;
import com.upgradecoordination.platform.axon.AuditMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers queued email and webhook notifications (SPEC N2, N4). Every poll takes the due ones from
 * {@code notification_status}, claims each for one attempt, sends it through its channel and records
 * the outcome on the Notification aggregate, which decides when the next attempt is due
 * (exponential backoff) or that it has failed. The schedule therefore lives in the event store and
 * survives restarts.
 *
 * <p>A webhook's URL is looked up when it is delivered (it is a secret, kept out of events and read
 * models, see {@link WebhookUrlTable}); an address appears in no log line and no failure reason.
 *
 * <p>A channel cannot take part in the database transaction, so a crash between a send and its
 * record repeats that one send once the claim expires: at least once towards the channel, and
 * recorded once per notification.
 */
@Component
public class DeliveryWorker {

    /**
     * Counter, tags {@code channel} and {@code outcome} (DELIVERED, FAILED: tried again later,
     * FAILED_PERMANENTLY): one per delivery attempt. The scheme is the platform's (MetricNames).
     */
    public static final String DELIVERY_ATTEMPTS_METRIC = "notification.delivery.attempts";

    enum AttemptOutcome { DELIVERED, FAILED, FAILED_PERMANENTLY }

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final NotificationStatusProjection statuses;
    private final WebhookUrlTable webhookUrls;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final CommandGateway commandGateway;
    private final EventProcessingConfiguration eventProcessing;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Actor serviceAccount;
    private final MeterRegistry meters;

    public DeliveryWorker(NotificationStatusProjection statuses, WebhookUrlTable webhookUrls, List<ChannelSender> senders,
                          CommandGateway commandGateway, EventProcessingConfiguration eventProcessing,
                          DeliverySettings settings, Clock clock, @Value("${spring.application.name}") String serviceName,
                          MeterRegistry meters) {
        this.statuses = statuses;
        this.webhookUrls = webhookUrls;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.commandGateway = commandGateway;
        this.eventProcessing = eventProcessing;
        this.settings = settings;
        this.clock = clock;
        this.serviceAccount = Actor.serviceAccount(serviceName);
        this.meters = meters;
        // at zero, so the first failure shows as an increase
        for (Channel channel : Channel.values()) {
            for (AttemptOutcome outcome : AttemptOutcome.values()) {
                attempts(channel, outcome);
            }
        }
    }

    private Counter attempts(Channel channel, AttemptOutcome outcome) {
        return Counter.builder(DELIVERY_ATTEMPTS_METRIC)
                .description("Notification delivery attempts, by channel and outcome")
                .tag("channel", channel.name())
                .tag("outcome", outcome.name())
                .register(meters);
    }

    /** One poll: attempts every due delivery. */
    public void deliverDue() {
        try {
            if (queueIsBeingRebuilt()) {
                return; // a replaying queue shows old notifications as queued for a moment
            }
            Instant now = clock.instant();
            for (DueDelivery due : statuses.due(now, settings.batchSize())) {
                if (statuses.claim(due.notificationId(), now, now.plus(settings.claimTime()))) {
                    attempt(due);
                }
            }
        } catch (RuntimeException failure) {
            log.warn("Delivery poll failed; the next poll tries again", failure);
        }
    }

    private boolean queueIsBeingRebuilt() {
        return eventProcessing.eventProcessor(NotificationStatusProjection.PROCESSING_GROUP,
                        StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying)
                .orElse(false);
    }

    private void attempt(DueDelivery due) {
        int attempt = due.failedAttempts() + 1;
        Channel channel = Channel.valueOf(due.channel());
        // the address is a secret (webhook URL) or personal data (email): never in a log line or a reason
        String address = channel == Channel.WEBHOOK ? webhookUrls.urlOf(due.recipient()).orElse(null) : due.email();
        Object outcome;
        try {
            if (address == null) {
                throw new DeliveryFailure("the recipient has no " + channel + " address any more", true, null);
            }
            senderFor(channel).send(new OutgoingNotification(due.notificationId(), due.caseId(),
                    due.sourceEventType(), due.recipient(), channel, address, due.message()));
            outcome = new RecordNotificationDeliveredCommand(due.notificationId(), attempt);
            attempts(channel, AttemptOutcome.DELIVERED).increment();
        } catch (DeliveryFailure failure) {
            String reason = redacted(failure.getMessage(), channel, address);
            log.info("Attempt {} of {} notification {} failed ({}): {}", attempt, channel, due.notificationId(),
                    failure.permanent() ? "permanent" : "transient", reason);
            outcome = new RecordDeliveryFailureCommand(due.notificationId(), attempt, reason, failure.permanent());
            attempts(channel, failure.permanent() ? AttemptOutcome.FAILED_PERMANENTLY : AttemptOutcome.FAILED).increment();
        } catch (RuntimeException unexpected) {
            String reason = redacted(unexpected.toString(), channel, address);
            log.warn("Attempt {} of {} notification {} failed unexpectedly: {}", attempt, channel,
                    due.notificationId(), reason);
            outcome = new RecordDeliveryFailureCommand(due.notificationId(), attempt, reason, false);
            attempts(channel, AttemptOutcome.FAILED).increment();
        }
        AuditMetadata audit = new AuditMetadata(serviceAccount,
                due.correlationId() == null ? due.notificationId() : due.correlationId(),
                due.sourceEventId(), "delivery " + channel);
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(outcome).andMetaData(audit.toMetaData()));
        } catch (RuntimeException notRecorded) {
            log.warn("The outcome of attempt {} of notification {} was not recorded; it is attempted again when "
                    + "its claim expires", attempt, due.notificationId(), notRecorded);
        }
    }

    /**
     * A failure's reason as it may be logged, stored and published: the webhook URL shown masked
     * (host and fingerprint), the email address not at all.
     */
    static String redacted(String reason, Channel channel, String address) {
        if (reason == null || address == null || address.isEmpty()) {
            return reason;
        }
        String standIn = channel == Channel.WEBHOOK ? "<webhook " + WebhookFingerprint.masked(address) + ">"
                : "<the recipient's email address>";
        return reason.replace(address, standIn);
    }

    private ChannelSender senderFor(Channel channel) throws DeliveryFailure {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            throw new DeliveryFailure("no sender for channel " + channel, true, null);
        }
        return sender;
    }
}
