package com.upgradecoordination.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.upgradecoordination.events.notification.NotificationSent;
import com.upgradecoordination.events.notification.ReminderFired;
import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.NotificationQueuedEvent;
import com.upgradecoordination.notification.api.NotificationSentEvent;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationIntegrationEventsTest {

    final NotificationIntegrationEvents translator = new NotificationIntegrationEvents();

    /** A new domain event is either given a contract or kept inside on purpose; forgetting it fails here. */
    @Test
    void everyNotificationEventIsPublishedOrKeptInsideOnPurpose() {
        List<Class<?>> events = new ClassFileImporter()
                .importPackages("com.upgradecoordination.notification.api").stream()
                .filter(type -> type.isRecord() && type.getSimpleName().endsWith("Event"))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        assertThat(events).hasSizeGreaterThan(10);
        assertThat(events.stream().filter(type -> !NotificationIntegrationEvents.TABLE.decidedFor(type))
                .map(Class::getSimpleName)).isEmpty();
        assertThat(NotificationIntegrationEvents.TABLE.published()).hasSize(3);
    }

    @Test
    void aSentNotificationJoinsItsCaseWithoutItsMessage() {
        assertThat(translator.translate(new NotificationSentEvent("notification-1", "engagement-1", "event-1",
                "TicketAssigned", "sue.engineer", Channel.EMAIL, "You were assigned")))
                .contains(new OutboundIntegrationEvent("engagement-1", new NotificationSent("notification-1",
                        "event-1", "TicketAssigned", "sue.engineer", "EMAIL")));
    }

    @Test
    void aFiredReminderNamesItsTicketOrItsReview() {
        Instant since = Instant.parse("2030-06-10T08:00:00Z");
        Instant due = Instant.parse("2030-06-11T08:00:00Z");
        assertThat(translator.translate(new ReminderFiredEvent("reminder-1", ReminderKind.UPGRADE_OUTCOME_OVERDUE,
                "engagement-1", "ticket-1", null, since, due)).orElseThrow().payload())
                .isEqualTo(new ReminderFired("reminder-1", "UPGRADE_OUTCOME_OVERDUE", "ticket-1", null, null, since, due));
        assertThat(translator.translate(new ReminderFiredEvent("reminder-2", ReminderKind.SUPPORT_REVIEW_OVERDUE,
                "engagement-1", "review-1", 2, since, due)).orElseThrow().payload())
                .isEqualTo(new ReminderFired("reminder-2", "SUPPORT_REVIEW_OVERDUE", null, "review-1", 2, since, due));
    }

    @Test
    void aQueuedNotificationStaysInside() {
        assertThat(translator.translate(new NotificationQueuedEvent("notification-1", "engagement-1", "event-1",
                "TicketAssigned", "sue.engineer", Channel.EMAIL, "sue@example.com", null, "You were assigned")))
                .isEmpty();
    }
}
