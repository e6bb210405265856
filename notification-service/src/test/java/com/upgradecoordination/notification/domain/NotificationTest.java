package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.SendNotificationCommand;
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
            "SupportReviewCompleted", "casey.csm", Channel.INBOX, MESSAGE);
    static final String ID = SEND.notificationId();
    static final NotificationSentEvent SENT = new NotificationSentEvent(ID, CASE, SOURCE_EVENT,
            "SupportReviewCompleted", "casey.csm", Channel.INBOX, MESSAGE);

    FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
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
                "robin.csm", Channel.INBOX, MESSAGE);
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
                            null, MESSAGE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("channel: required")
                    .expectNoEvents();
        }

        @Test
        void refusesAnIdNotDerivedFromEventRecipientAndChannel() {
            fixture.givenNoPriorActivity()
                    .when(new SendNotificationCommand(UUID.randomUUID().toString(), CASE, SOURCE_EVENT,
                            "SupportReviewCompleted", "casey.csm", Channel.INBOX, MESSAGE))
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
                    field.equals("message") ? value : MESSAGE);
        }
    }
}
