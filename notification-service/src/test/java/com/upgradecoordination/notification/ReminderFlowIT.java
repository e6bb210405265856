package com.upgradecoordination.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.events.review.SupportReviewOpened;
import com.upgradecoordination.events.review.TicketAssigned;
import com.upgradecoordination.events.review.TicketStatusChanged;
import com.upgradecoordination.events.review.UpgradeOutcomeReported;
import com.upgradecoordination.events.review.UpgradeRescheduled;
import com.upgradecoordination.events.review.UpgradeScheduled;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.ScheduleReminderCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ticket and review events that arm, move, cancel and fire reminders, arriving over Kafka
 * (SPEC N3). The grace after an upgrade is 3 seconds here, so a reminder fires during the test.
 */
@SpringBootTest(properties = "spring.config.name=notification-service")
class ReminderFlowIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final CaseEvents events = new CaseEvents();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
        registry.add("notification.reminders.upgrade-outcome-grace", () -> "3s");
        registry.add("platform.deadlines.polling-interval", () -> "1s");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Autowired
    JdbcClient jdbc;

    final String ticketId = "ticket-" + UUID.randomUUID();
    final String reminderId = ScheduleReminderCommand.idFor(ReminderKind.UPGRADE_OUTCOME_OVERDUE, ticketId);

    List<String> eventTypes(String aggregateId) {
        return ReminderRestartIT.eventTypes(jdbc, aggregateId);
    }

    @Test
    void anUpgradeWithoutOutcomeRemindsTheEngineerWhoTookTheTicket() throws Exception {
        Instant upgradeAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        events.publish(events.envelope(ticketId, new TicketAssigned(ticketId, null, "sue.engineer")));
        events.publish(events.envelope(ticketId, new UpgradeScheduled(ticketId, null, upgradeAt,
                upgradeAt.plus(Duration.ofDays(4)))));

        await().atMost(PATIENCE).until(() -> ReminderRestartIT.inboxOf(jdbc, "sue.engineer").stream()
                .anyMatch(entry -> entry.contains("(ticket " + ticketId + ")")));
        assertThat(eventTypes(reminderId)).containsExactly("ReminderScheduledEvent", "ReminderFiredEvent");
        assertThat(ReminderRestartIT.inboxOf(jdbc, "sue.engineer")).contains("ReminderFired: Reminder: no outcome "
                + "has been reported for the upgrade of unknown at " + upgradeAt + " (ticket " + ticketId + ")");
    }

    @Test
    void aRescheduledUpgradeMovesTheReminderAndItsOutcomeCancelsIt() throws Exception {
        Instant upgradeAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        events.publish(events.envelope(ticketId, new UpgradeScheduled(ticketId, null, upgradeAt,
                upgradeAt.plus(Duration.ofDays(4)))));
        events.publish(events.envelope(ticketId, new UpgradeRescheduled(ticketId, null, upgradeAt,
                upgradeAt.plus(Duration.ofDays(1)), null)));
        events.publish(events.envelope(ticketId, new UpgradeOutcomeReported(ticketId, null, "SUCCEEDED")));

        await().atMost(PATIENCE).until(() -> eventTypes(reminderId).equals(List.of("ReminderScheduledEvent",
                "ReminderRescheduledEvent", "ReminderCancelledEvent")));
        // a closed ticket, later, finds nothing pending to cancel
        events.publish(events.envelope(ticketId, new TicketStatusChanged(ticketId, null, "SOLVED", "CLOSED")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(eventTypes(reminderId)).hasSize(3));
    }

    @Test
    void aSupportReviewCompletedInTimeCancelsItsReminder() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String reviewReminder = ScheduleReminderCommand.idFor(ReminderKind.SUPPORT_REVIEW_OVERDUE, "review-" + caseId);
        // a review is of an engagement that was opened first (review events wait for their engagement)
        events.publish(events.envelope(caseId, new EngagementOpened(caseId, "Acme Corp", "casey.csm",
                List.of("GROWTH"), "HELM")));
        events.publish(events.envelope(caseId, new SupportReviewOpened("review-" + caseId, caseId, 2)));
        await().atMost(PATIENCE).until(() -> eventTypes(reviewReminder).equals(List.of("ReminderScheduledEvent")));
        events.publish(events.envelope(caseId, new SupportReviewCompletedV2("review-" + caseId, caseId, 2,
                "SUPPORTABLE", List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER")));
        await().atMost(PATIENCE).until(() -> eventTypes(reviewReminder)
                .equals(List.of("ReminderScheduledEvent", "ReminderCancelledEvent")));
    }
}
