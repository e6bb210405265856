package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.notification.api.CancelReminderCommand;
import com.upgradecoordination.notification.api.ReminderCancelledEvent;
import com.upgradecoordination.notification.api.ReminderFiredEvent;
import com.upgradecoordination.notification.api.ReminderKind;
import com.upgradecoordination.notification.api.ReminderRescheduledEvent;
import com.upgradecoordination.notification.api.ReminderScheduledEvent;
import com.upgradecoordination.notification.api.RescheduleReminderCommand;
import com.upgradecoordination.notification.api.ScheduleReminderCommand;
import com.upgradecoordination.devsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReminderTest {

    /** Monday 3 June 2030, 09:00 UTC: "now" unless a test moves the clock. */
    static final Instant NOW = Instant.parse("2030-06-03T09:00:00Z");
    static final Instant UPGRADE_AT = Instant.parse("2030-06-10T08:00:00Z");
    static final Instant LATER_AT = Instant.parse("2030-06-12T08:00:00Z");
    static final ReminderPolicy POLICY = new ReminderPolicy(Duration.ofDays(1), 2, ZoneOffset.UTC);
    static final String CASE = "engagement-1";

    static final ScheduleReminderCommand OUTCOME = ScheduleReminderCommand.of(ReminderKind.UPGRADE_OUTCOME_OVERDUE,
            CASE, "ticket-1", null, UPGRADE_AT);
    static final String OUTCOME_ID = "reminder:UPGRADE_OUTCOME_OVERDUE:ticket-1";
    static final ReminderScheduledEvent OUTCOME_SCHEDULED = new ReminderScheduledEvent(OUTCOME_ID,
            ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE, "ticket-1", null, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(1)));

    FixtureConfiguration<Reminder> fixture;
    MovableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Reminder.class);
        clock = new MovableClock(NOW);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(POLICY);
    }

    @Nested
    class UpgradeOutcome {

        @Test
        void anUpgradeScheduledArmsTheReminderAtItsTimePlusTheGrace() {
            assertThat(OUTCOME.reminderId()).isEqualTo(OUTCOME_ID);
            fixture.givenCurrentTime(NOW)
                    .andGiven()
                    .when(OUTCOME)
                    .expectEvents(OUTCOME_SCHEDULED)
                    .expectScheduledDeadline(UPGRADE_AT.plus(Duration.ofDays(1)),
                            new Reminder.Due(OUTCOME_ID, UPGRADE_AT.plus(Duration.ofDays(1))));
        }

        @Test
        void itFiresWhenItsTimeComesWithoutAnOutcome() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME)
                    .whenTimeAdvancesTo(UPGRADE_AT.plus(Duration.ofDays(1)))
                    .expectTriggeredDeadlinesWithName(Reminder.DEADLINE)
                    .expectEvents(new ReminderFiredEvent(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                            "ticket-1", null, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(1))));
        }

        @Test
        void anOutcomeCancelsIt() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME)
                    .when(new CancelReminderCommand(OUTCOME_ID, "UpgradeOutcomeReported"))
                    .expectEvents(new ReminderCancelledEvent(OUTCOME_ID, CASE, "UpgradeOutcomeReported"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aCancelledReminderDoesNotFire() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME, new CancelReminderCommand(OUTCOME_ID, "UpgradeOutcomeReported"))
                    .whenTimeAdvancesTo(LATER_AT.plus(Duration.ofDays(2)))
                    .expectNoEvents();
        }

        @Test
        void aRescheduledUpgradeMovesIt() {
            Instant newDue = LATER_AT.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME)
                    .when(new RescheduleReminderCommand(OUTCOME_ID, LATER_AT))
                    .expectEvents(new ReminderRescheduledEvent(OUTCOME_ID, CASE, LATER_AT, newDue))
                    .expectScheduledDeadline(newDue, new Reminder.Due(OUTCOME_ID, newDue))
                    .expectNoScheduledDeadline(UPGRADE_AT.plus(Duration.ofDays(1)),
                            new Reminder.Due(OUTCOME_ID, UPGRADE_AT.plus(Duration.ofDays(1))));
        }

        @Test
        void aMovedReminderFiresAtItsNewTimeOnly() {
            Instant newDue = LATER_AT.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME, new RescheduleReminderCommand(OUTCOME_ID, LATER_AT))
                    .whenTimeAdvancesTo(newDue)
                    .expectEvents(new ReminderFiredEvent(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                            "ticket-1", null, LATER_AT, newDue));
        }

        @Test
        void aStaleDeadlineIsIgnored() {
            // the reminder moved, but the deadline for its old time is still there (a lost cancellation)
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(OUTCOME)
                    .andGiven(new ReminderRescheduledEvent(OUTCOME_ID, CASE, LATER_AT, LATER_AT.plus(Duration.ofDays(1))))
                    .whenTimeAdvancesTo(UPGRADE_AT.plus(Duration.ofDays(1)))
                    .expectTriggeredDeadlinesWithName(Reminder.DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void anUpgradeTimeLongPastFiresAtOnce() {
            clock.set(UPGRADE_AT.plus(Duration.ofDays(3)));
            fixture.givenCurrentTime(UPGRADE_AT.plus(Duration.ofDays(3)))
                    .andGiven()
                    .when(OUTCOME)
                    .expectEvents(OUTCOME_SCHEDULED)
                    .expectScheduledDeadline(UPGRADE_AT.plus(Duration.ofDays(3)),
                            new Reminder.Due(OUTCOME_ID, UPGRADE_AT.plus(Duration.ofDays(1))));
        }

        @Test
        void aNewUpgradeAfterAFiredReminderArmsItAgain() {
            fixture.given(OUTCOME_SCHEDULED, new ReminderFiredEvent(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE,
                            CASE, "ticket-1", null, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(1))))
                    .when(ScheduleReminderCommand.of(ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE, "ticket-1", null,
                            LATER_AT))
                    .expectEvents(new ReminderScheduledEvent(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                            "ticket-1", null, LATER_AT, LATER_AT.plus(Duration.ofDays(1))));
        }

        @Test
        void schedulingTheSameTimeAgainChangesNothing() {
            fixture.given(OUTCOME_SCHEDULED).when(OUTCOME).expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class NothingPending {

        @Test
        void cancellingOrMovingAReminderNeverScheduledStoresNothing() {
            fixture.givenNoPriorActivity()
                    .when(new CancelReminderCommand(OUTCOME_ID, "TicketStatusChanged to CLOSED"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new RescheduleReminderCommand(OUTCOME_ID, LATER_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aFiredReminderIsNeitherMovedNorCancelled() {
            ReminderFiredEvent fired = new ReminderFiredEvent(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                    "ticket-1", null, UPGRADE_AT, UPGRADE_AT.plus(Duration.ofDays(1)));
            fixture.given(OUTCOME_SCHEDULED, fired)
                    .when(new RescheduleReminderCommand(OUTCOME_ID, LATER_AT))
                    .expectNoEvents();
            setUp();
            fixture.given(OUTCOME_SCHEDULED, fired)
                    .when(new CancelReminderCommand(OUTCOME_ID, "UpgradeOutcomeReported"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SupportReview {

        /** Friday 7 June 2030, 15:00 UTC. */
        static final Instant OPENED_FRIDAY = Instant.parse("2030-06-07T15:00:00Z");
        static final String REVIEW_ID = "reminder:SUPPORT_REVIEW_OVERDUE:review-1";

        @Test
        void aReviewOpenedOnFridayIsDueTuesdayAtTheSameTime() {
            Instant tuesday = Instant.parse("2030-06-11T15:00:00Z");
            fixture.givenCurrentTime(OPENED_FRIDAY)
                    .andGiven()
                    .when(ScheduleReminderCommand.of(ReminderKind.SUPPORT_REVIEW_OVERDUE, CASE, "review-1", 2,
                            OPENED_FRIDAY))
                    .expectEvents(new ReminderScheduledEvent(REVIEW_ID, ReminderKind.SUPPORT_REVIEW_OVERDUE, CASE,
                            "review-1", 2, OPENED_FRIDAY, tuesday))
                    .expectScheduledDeadline(tuesday, new Reminder.Due(REVIEW_ID, tuesday));
        }

        @Test
        void aCompletedReviewCancelsItAndAnOpenOneFires() {
            ScheduleReminderCommand opened = ScheduleReminderCommand.of(ReminderKind.SUPPORT_REVIEW_OVERDUE, CASE,
                    "review-1", 2, NOW);
            Instant wednesday = Instant.parse("2030-06-05T09:00:00Z");
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(opened)
                    .when(new CancelReminderCommand(REVIEW_ID, "SupportReviewCompleted"))
                    .expectEvents(new ReminderCancelledEvent(REVIEW_ID, CASE, "SupportReviewCompleted"))
                    .expectNoScheduledDeadlines();
            setUp();
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(opened)
                    .whenTimeAdvancesTo(wednesday)
                    .expectEvents(new ReminderFiredEvent(REVIEW_ID, ReminderKind.SUPPORT_REVIEW_OVERDUE, CASE,
                            "review-1", 2, NOW, wednesday));
        }

        @Test
        void weekendsDoNotCount() {
            ReminderPolicy policy = new ReminderPolicy(Duration.ZERO, 2, ZoneOffset.UTC);
            assertThat(policy.dueAt(ReminderKind.SUPPORT_REVIEW_OVERDUE, Instant.parse("2030-06-08T10:00:00Z")))
                    .as("opened on Saturday").isEqualTo(Instant.parse("2030-06-11T10:00:00Z"));
            assertThat(policy.dueAt(ReminderKind.SUPPORT_REVIEW_OVERDUE, Instant.parse("2030-06-04T10:00:00Z")))
                    .as("opened on Tuesday").isEqualTo(Instant.parse("2030-06-06T10:00:00Z"));
            assertThat(policy.dueAt(ReminderKind.UPGRADE_OUTCOME_OVERDUE, UPGRADE_AT)).isEqualTo(UPGRADE_AT);
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesAnIdNotDerivedFromKindAndSubject() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleReminderCommand("reminder:x", ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                            "ticket-1", null, UPGRADE_AT))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reminderId: must be " + OUTCOME_ID + ", the id of (kind, subjectId)")
                    .expectNoEvents();
        }

        @Test
        void refusesMissingFields() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleReminderCommand(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, " ",
                            "ticket-1", null, UPGRADE_AT))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("caseId: required");
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new ScheduleReminderCommand(OUTCOME_ID, ReminderKind.UPGRADE_OUTCOME_OVERDUE, CASE,
                            "ticket-1", null, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("since: required");
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new ScheduleReminderCommand(OUTCOME_ID, null, CASE, "ticket-1", null, UPGRADE_AT))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("kind: required");
            setUp();
            fixture.given(OUTCOME_SCHEDULED)
                    .when(new CancelReminderCommand(OUTCOME_ID, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("reason: required");
            setUp();
            fixture.given(OUTCOME_SCHEDULED)
                    .when(new RescheduleReminderCommand(OUTCOME_ID, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("since: required");
        }
    }
}
