package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.MarkNotificationReadCommand;
import com.upgradecoordination.notification.api.NotificationDeliveryAttemptFailedEvent;
import com.upgradecoordination.notification.api.NotificationFailedEvent;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationReadEvent;
import com.upgradecoordination.notification.api.RecordDeliveryFailureCommand;
import com.upgradecoordination.notification.api.RecordNotificationDeliveredCommand;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationTest {

    static final String CASE = "engagement-1";
    static final String SOURCE_EVENT = "event-7";
    static final String MESSAGE = "Support's verdict on plan v1: SUPPORTABLE";
    static final SendNotificationCommand SEND = SendNotificationCommand.of(CASE, SOURCE_EVENT,
            "SupportReviewCompleted", "casey.csm", Channel.INBOX, null, null, MESSAGE);
    static final String ID = SEND.notificationId();
    static final NotificationSentEvent SENT = new NotificationSentEvent(ID, CASE, SOURCE_EVENT,
            "SupportReviewCompleted", "casey.csm", Channel.INBOX, MESSAGE);

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final DeliveryRetryPolicy RETRIES = new DeliveryRetryPolicy(4, Duration.ofSeconds(5), 2.0,
            Duration.ofSeconds(15));
    static final String WEBHOOK_FINGERPRINT = WebhookFingerprint.of("https://hooks.example/services/T1/B2/x");
    static final SendNotificationCommand SEND_WEBHOOK = SendNotificationCommand.of(CASE, SOURCE_EVENT,
            "SupportReviewCompleted", "@senior-reviewers", Channel.WEBHOOK, null, WEBHOOK_FINGERPRINT, MESSAGE);
    static final String WEBHOOK_ID = SEND_WEBHOOK.notificationId();
    static final NotificationQueuedEvent QUEUED = new NotificationQueuedEvent(WEBHOOK_ID, CASE, SOURCE_EVENT,
            "SupportReviewCompleted", "@senior-reviewers", Channel.WEBHOOK, null, WEBHOOK_FINGERPRINT, MESSAGE);

    FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(RETRIES);
    }

    static NotificationDeliveryAttemptFailedEvent failed(int attempt, Instant next) {
        return new NotificationDeliveryAttemptFailedEvent(WEBHOOK_ID, attempt, "webhook answered 503", false, next);
    }

    @Nested
    class Delivery {

        @Test
        void anEmailOrWebhookNotificationIsQueuedForTheWorker() {
            fixture.givenNoPriorActivity()
                    .when(SEND_WEBHOOK)
                    .expectResultMessagePayload(WEBHOOK_ID)
                    .expectEvents(QUEUED);
        }

        @Test
        void queuingItAgainChangesNothing() {
            fixture.given(QUEUED).when(SEND_WEBHOOK).expectResultMessagePayload(WEBHOOK_ID).expectNoEvents();
        }

        @Test
        void aDeliveredNotificationIsSent() {
            fixture.given(QUEUED, failed(1, NOW))
                    .when(new RecordNotificationDeliveredCommand(WEBHOOK_ID, 2))
                    .expectEvents(new NotificationSentEvent(WEBHOOK_ID, CASE, SOURCE_EVENT, "SupportReviewCompleted",
                            "@senior-reviewers", Channel.WEBHOOK, MESSAGE));
        }

        @Test
        void aRepeatedDeliveryReportChangesNothing() {
            fixture.given(QUEUED, new NotificationSentEvent(WEBHOOK_ID, CASE, SOURCE_EVENT, "SupportReviewCompleted",
                            "@senior-reviewers", Channel.WEBHOOK, MESSAGE))
                    .when(new RecordNotificationDeliveredCommand(WEBHOOK_ID, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailedAttemptIsRetriedWithExponentialBackoffUpToTheCap() {
            fixture.given(QUEUED)
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 1, "webhook answered 503", false))
                    .expectEvents(failed(1, NOW.plusSeconds(5)));
            fixture.given(QUEUED, failed(1, NOW))
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 2, "webhook answered 503", false))
                    .expectEvents(failed(2, NOW.plusSeconds(10)));
            fixture.given(QUEUED, failed(1, NOW), failed(2, NOW))
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 3, "webhook answered 503", false))
                    .expectEvents(failed(3, NOW.plusSeconds(15)));
        }

        @Test
        void afterTheLastAttemptTheNotificationHasFailed() {
            fixture.given(QUEUED, failed(1, NOW), failed(2, NOW), failed(3, NOW))
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 4, "webhook answered 503", false))
                    .expectEvents(failed(4, null), new NotificationFailedEvent(WEBHOOK_ID, CASE, SOURCE_EVENT,
                            "SupportReviewCompleted", "@senior-reviewers", Channel.WEBHOOK, 4, "webhook answered 503"));
        }

        @Test
        void aPermanentFailureEndsItAtOnce() {
            fixture.given(QUEUED)
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 1, "webhook answered 404", true))
                    .expectEvents(new NotificationDeliveryAttemptFailedEvent(WEBHOOK_ID, 1, "webhook answered 404", true,
                                    null),
                            new NotificationFailedEvent(WEBHOOK_ID, CASE, SOURCE_EVENT, "SupportReviewCompleted",
                                    "@senior-reviewers", Channel.WEBHOOK, 1, "webhook answered 404"));
        }

        @Test
        void aRepeatedFailureReportOrOneAfterTheEndChangesNothing() {
            fixture.given(QUEUED, failed(1, NOW))
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 1, "webhook answered 503", false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(QUEUED, new NotificationFailedEvent(WEBHOOK_ID, CASE, SOURCE_EVENT,
                            "SupportReviewCompleted", "@senior-reviewers", Channel.WEBHOOK, 1, "gone"))
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 2, "webhook answered 503", false))
                    .expectNoEvents();
        }

        @Test
        void aLongReasonIsCut() {
            fixture.given(QUEUED)
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 1, "x".repeat(5000), false))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.<Object>hasToString(
                                            org.hamcrest.Matchers.containsString("x…"))),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void refusesAnAttemptBelowOneAndAFailureWithoutReason() {
            fixture.given(QUEUED)
                    .when(new RecordNotificationDeliveredCommand(WEBHOOK_ID, 0))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("attempt: at least 1");
            fixture.given(QUEUED)
                    .when(new RecordDeliveryFailureCommand(WEBHOOK_ID, 1, " ", false))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reason: required");
        }

        @Test
        void anEmailOrWebhookNeedsAnAddressAndTheInboxHasNone() {
            fixture.givenNoPriorActivity()
                    .when(SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted", "casey.csm",
                            Channel.EMAIL, null, null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("email: required");
            setUp();
            fixture.givenNoPriorActivity()
                    .when(SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted", "casey.csm",
                            Channel.INBOX, "casey@acme.example", null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("email: only an EMAIL notification has one");
            setUp();
            fixture.givenNoPriorActivity()
                    .when(SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted", "@proserv",
                            Channel.WEBHOOK, null, null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("webhookFingerprint: required");
            setUp();
            // a URL where its fingerprint belongs is refused: the secret must not reach the event store
            fixture.givenNoPriorActivity()
                    .when(SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted", "@proserv",
                            Channel.WEBHOOK, null, "https://hooks.example/services/T1/B2/x", MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("webhookFingerprint: at most 12 characters")
                    .expectNoEvents();
            setUp();
            fixture.givenNoPriorActivity()
                    .when(SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted", "casey.csm",
                            Channel.EMAIL, "casey@acme.example", WEBHOOK_FINGERPRINT, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("webhookFingerprint: only a WEBHOOK notification has one");
        }

        @Test
        void theBackoffGrowsByItsMultiplierAndStopsAtItsMaximum() {
            assertThat(RETRIES.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
            assertThat(RETRIES.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
            assertThat(RETRIES.delayAfter(3)).isEqualTo(Duration.ofSeconds(15));
            assertThat(RETRIES.delayAfter(30)).isEqualTo(Duration.ofSeconds(15));
        }
    }

    @Nested
    class ReadMarks {

        @Test
        void theRecipientMarksAnInboxNotificationRead() {
            fixture.given(SENT)
                    .when(new MarkNotificationReadCommand(ID, "casey.csm"))
                    .expectEvents(new NotificationReadEvent(ID, "casey.csm"));
        }

        @Test
        void markingItReadAgainChangesNothing() {
            fixture.given(SENT, new NotificationReadEvent(ID, "casey.csm"))
                    .when(new MarkNotificationReadCommand(ID, "casey.csm"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void onlyItsRecipientMarksIt() {
            fixture.given(SENT)
                    .when(new MarkNotificationReadCommand(ID, "robin.csm"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("This notification is not in the inbox of robin.csm")
                    .expectNoEvents();
        }

        @Test
        void onlyInboxNotificationsAreMarked() {
            fixture.given(QUEUED)
                    .when(new MarkNotificationReadCommand(WEBHOOK_ID, "@senior-reviewers"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("Only inbox notifications are marked read; this one went by WEBHOOK")
                    .expectNoEvents();
        }
    }

    @Test
    void theIdIsTheNameBasedUuidOfEventRecipientAndChannel() {
        assertThat(ID).isEqualTo(UUID.nameUUIDFromBytes("event-7|casey.csm|INBOX".getBytes()).toString());
        assertThat(SendNotificationCommand.idFor(SOURCE_EVENT, "casey.csm", Channel.INBOX)).isEqualTo(ID);
        assertThat(SendNotificationCommand.idFor(SOURCE_EVENT, "robin.csm", Channel.INBOX)).isNotEqualTo(ID);
        assertThat(SendNotificationCommand.idFor("event-8", "casey.csm", Channel.INBOX)).isNotEqualTo(ID);
    }

    @Test
    void sendsANotification() {
        fixture.givenNoPriorActivity()
                .when(SEND)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID)
                .expectEvents(SENT);
    }

    @Test
    void sendingTheSameNotificationAgainChangesNothing() {
        fixture.given(SENT)
                .when(SEND)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID)
                .expectNoEvents();
    }

    @Test
    void theSameEventToAnotherRecipientIsAnotherNotification() {
        SendNotificationCommand other = SendNotificationCommand.of(CASE, SOURCE_EVENT, "SupportReviewCompleted",
                "robin.csm", Channel.INBOX, null, null, MESSAGE);
        fixture.givenNoPriorActivity()
                .when(other)
                .expectEvents(new NotificationSentEvent(other.notificationId(), CASE, SOURCE_EVENT,
                        "SupportReviewCompleted", "robin.csm", Channel.INBOX, MESSAGE));
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"notificationId", "caseId", "sourceEventId", "sourceEventType", "recipient", "message"})
        void refusesAMissingField(String field) {
            fixture.givenNoPriorActivity()
                    .when(without(field, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(field + ": required")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"caseId", "sourceEventId", "sourceEventType", "recipient", "message"})
        void refusesABlankField(String field) {
            fixture.givenNoPriorActivity()
                    .when(without(field, "  "))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(field + ": required")
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingChannel() {
            fixture.givenNoPriorActivity()
                    .when(new SendNotificationCommand(ID, CASE, SOURCE_EVENT, "SupportReviewCompleted", "casey.csm",
                            null, null, null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("channel: required")
                    .expectNoEvents();
        }

        @Test
        void refusesAnIdNotDerivedFromEventRecipientAndChannel() {
            fixture.givenNoPriorActivity()
                    .when(new SendNotificationCommand(UUID.randomUUID().toString(), CASE, SOURCE_EVENT,
                            "SupportReviewCompleted", "casey.csm", Channel.INBOX, null, null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("notificationId: must be " + ID
                            + ", the id of (sourceEventId, recipient, channel)")
                    .expectNoEvents();
        }

        @Test
        void refusesAMessageLongerThanTheInboxHolds() {
            fixture.givenNoPriorActivity()
                    .when(without("message", "x".repeat(Notification.MAX_MESSAGE_LENGTH + 1)))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("message: at most 2000 characters")
                    .expectNoEvents();
        }

        @Test
        void refusesAnInvalidRepeatAlthoughTheNotificationExists() {
            fixture.given(SENT)
                    .when(without("message", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        /** {@link #SEND} with one field replaced; the id stays that of {@link #SEND} unless the id itself is replaced. */
        SendNotificationCommand without(String field, String value) {
            return new SendNotificationCommand(
                    field.equals("notificationId") ? value : ID,
                    field.equals("caseId") ? value : CASE,
                    field.equals("sourceEventId") ? value : SOURCE_EVENT,
                    field.equals("sourceEventType") ? value : "SupportReviewCompleted",
                    field.equals("recipient") ? value : "casey.csm",
                    Channel.INBOX,
                    null,
                    null,
                    field.equals("message") ? value : MESSAGE);
        }
    }
}
