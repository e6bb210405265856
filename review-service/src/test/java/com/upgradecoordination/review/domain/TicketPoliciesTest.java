package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.TicketTest.ASSIGNED;
import static com.upgradecoordination.review.domain.TicketTest.CALL_REQUESTED;
import static com.upgradecoordination.review.domain.TicketTest.COMPLETE;
import static com.upgradecoordination.review.domain.TicketTest.ENGAGEMENT;
import static com.upgradecoordination.review.domain.TicketTest.ID;
import static com.upgradecoordination.review.domain.TicketTest.NOW;
import static com.upgradecoordination.review.domain.TicketTest.REQUESTED;
import static com.upgradecoordination.review.domain.TicketTest.UPGRADE_AT;
import static com.upgradecoordination.review.domain.TicketTest.WORKING;
import static com.upgradecoordination.review.domain.TicketTest.status;
import static com.upgradecoordination.review.domain.TicketTest.working;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallLinkTiming;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.TicketClosedEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.UpgradeOutcome;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each policy of a ticket on its own, against tickets rebuilt from their events. */
class TicketPoliciesTest {

    static Ticket ticket(Object... events) {
        return SnapshotRoundTrip.replay(Ticket.class, ID, List.of(events));
    }

    static void assertRejected(Optional<Rejection> answer, String rule, String reason) {
        assertThat(answer).contains(new Rejection(rule, reason));
    }

    static final Instant ON_HOLD_UNTIL = NOW.plus(Duration.ofDays(4));
    static final Object[] ON_HOLD = working(new UpgradeScheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, ON_HOLD_UNTIL),
            status(TicketStatus.OPEN, TicketStatus.ON_HOLD));
    static final Object[] SOLVED = working(new UpgradeScheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, ON_HOLD_UNTIL),
            status(TicketStatus.OPEN, TicketStatus.ON_HOLD),
            new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, UpgradeOutcome.SUCCEEDED, null),
            status(TicketStatus.ON_HOLD, TicketStatus.SOLVED));
    static final ReviewCallLinkSentEvent LINK_SENT = new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, NOW,
            1000, ReviewCallLinkTiming.IN_TIME, null);

    @Nested
    class Rejections {

        @Test
        void theFirstRejectionRefusesAndLaterPoliciesAreNotAsked() {
            List<TicketPolicy> policies = List.of(t -> Optional.empty(), t -> Rejection.because("first", "one"),
                    t -> {
                        throw new AssertionError("asked after a rejection");
                    });
            assertThatThrownBy(() -> Rejection.enforce(policies, policy -> policy.check(null)))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            refused -> assertThat(refused.rule()).isEqualTo("first"))
                    .hasMessage("one");
        }

        @Test
        void noRejectionLetsTheCommandThrough() {
            Rejection.enforce(TicketPolicy.WORKABLE, policy -> policy.check(ticket(WORKING)));
        }
    }

    @Nested
    class TheTicketAsAWhole {

        @Test
        void aClosedTicketRefusesEverythingAndASolvedOneOnlyCloses() {
            Ticket closed = ticket(working(SOLVED[4], SOLVED[5], SOLVED[6], SOLVED[7],
                    new TicketClosedEvent(ID, ENGAGEMENT), status(TicketStatus.SOLVED, TicketStatus.CLOSED)));
            assertRejected(TicketPolicy.notClosed.check(closed), "ticket-closed", "Ticket ticket-1 is closed; closed is final");
            assertRejected(TicketPolicy.notSolved.check(ticket(SOLVED)), "ticket-solved",
                    "Ticket ticket-1 is solved; a new problem needs a new request");
            assertThat(TicketPolicy.solved.check(ticket(SOLVED))).isEmpty();
            assertRejected(TicketPolicy.solved.check(ticket(WORKING)), "ticket-not-solved",
                    "Ticket ticket-1 is open; only a solved ticket closes");
            assertThat(TicketPolicy.notClosed.check(ticket(SOLVED))).isEmpty();
        }

        @Test
        void workNeedsAnAssigneeAndCompleteInformation() {
            assertRejected(TicketPolicy.assigned.check(ticket(REQUESTED, COMPLETE)), "ticket-not-assigned",
                    "Ticket ticket-1 has no assignee yet; an engineer takes it first");
            assertThat(TicketPolicy.assigned.check(ticket(WORKING))).isEmpty();
            assertRejected(TicketPolicy.informationCompleteTo("pair on it").check(ticket(REQUESTED, ASSIGNED)),
                    "required-information-incomplete",
                    "The required information of ticket ticket-1 is not complete yet; it is needed to pair on it");
            assertThat(TicketPolicy.informationCompleteTo("pair on it").check(ticket(WORKING))).isEmpty();
        }

        @Test
        void aProblemIsNotedOnce() {
            Ticket opened = ticket(new TicketOpenedForMigrationProblemEvent(ID, ENGAGEMENT, ENGAGEMENT, "Acme Corp",
                    TicketPriority.HIGH, "problem-1", "Gitaly nodes fail to start"));
            assertRejected(TicketPolicy.problemNotYetNoted("problem-1").check(opened), "migration-problem-already-noted",
                    "Migration problem problem-1 is already on ticket ticket-1");
            assertThat(TicketPolicy.problemNotYetNoted("problem-2").check(opened)).isEmpty();
        }

        @Test
        void anOutcomeNeedsAScheduleUnlessTheMigrationIsUnderWay() {
            assertRejected(TicketPolicy.outcomeAwaited.check(ticket(WORKING)), "upgrade-not-scheduled",
                    "The upgrade of ticket ticket-1 is not scheduled; there is no outcome to report");
            assertThat(TicketPolicy.outcomeAwaited.check(ticket(ON_HOLD))).isEmpty();
            assertThat(TicketPolicy.outcomeAwaited.check(ticket(new TicketOpenedForMigrationProblemEvent(ID,
                    ENGAGEMENT, ENGAGEMENT, null, TicketPriority.HIGH, "problem-1", "down")))).isEmpty();
        }

        @Test
        void anUpgradeOnHoldIsNotScheduledAgain() {
            assertRejected(TicketPolicy.notOnHold.check(ticket(ON_HOLD)), "upgrade-already-scheduled",
                    "The upgrade is already scheduled and the ticket on hold until " + ON_HOLD_UNTIL);
            assertThat(TicketPolicy.notOnHold.check(ticket(WORKING))).isEmpty();
        }
    }

    @Nested
    class Assignment {

        @Test
        void aSupportEngineerTakesAnUnassignedTicket() {
            Ticket unassigned = ticket(REQUESTED, COMPLETE);
            assertThat(AssignmentPolicy.supportEngineersTake.check(unassigned, "sue", "SUPPORT_ENGINEER")).isEmpty();
            assertRejected(AssignmentPolicy.supportEngineersTake.check(unassigned, "casey", "CSM"),
                    "support-engineer-required", "Only a Support engineer takes a ticket; casey acts as CSM");
            assertRejected(AssignmentPolicy.oneAssigneeUntilHandoff.check(ticket(WORKING), "sam", "SUPPORT_MANAGER"),
                    "ticket-already-assigned",
                    "Ticket ticket-1 is assigned to sue.engineer; it changes hands by a handoff");
        }

        @Test
        void pairingIsWithAnotherEngineerOnce() {
            assertRejected(AssignmentPolicy.pairWithAnotherEngineer.check(ticket(WORKING), "sue.engineer", null),
                    "pairing-with-assignee",
                    "sue.engineer is the assignee; pair with another engineer who has an upgrade focus");
            Ticket paired = ticket(working(new PairingRequestedEvent(ID, ENGAGEMENT, "uma")));
            assertRejected(AssignmentPolicy.pairOnce.check(paired, "uma", null), "pairing-already-requested",
                    "Pairing with uma is already requested");
            assertThat(AssignmentPolicy.pairOnce.check(paired, "tom", null)).isEmpty();
        }

        @Test
        void aHandoffIsByTheAssigneeOrAManagerToASyncedEngineer() {
            Ticket synced = ticket(working(new HandoffSyncRecordedEvent(ID, ENGAGEMENT, "sam", "notes")));
            assertThat(HandoffPolicy.byTheAssigneeOrAManager.check(synced, "sam", "sue.engineer", "SUPPORT_ENGINEER"))
                    .isEmpty();
            assertThat(HandoffPolicy.byTheAssigneeOrAManager.check(synced, "sam", "max", "SUPPORT_MANAGER")).isEmpty();
            assertRejected(HandoffPolicy.byTheAssigneeOrAManager.check(synced, "sam", "tom", "SUPPORT_ENGINEER"),
                    "handoff-by-assignee", "Only the assignee sue.engineer or a Support Manager hands the ticket off");
            assertRejected(HandoffPolicy.toAnotherEngineer.check(synced, "sue.engineer", "sue.engineer", null),
                    "handoff-to-assignee", "sue.engineer already has the ticket");
            assertThat(HandoffPolicy.afterARecordedSync.check(synced, "sam", "sue.engineer", null)).isEmpty();
            assertRejected(HandoffPolicy.afterARecordedSync.check(synced, "tom", "sue.engineer", null),
                    "handoff-needs-sync", "Record the sync with tom before handing the ticket off");
        }
    }

    @Nested
    class ReviewCall {

        @Test
        void aCallIsRequestedOnceBeforeTheUpgrade() {
            assertThat(ReviewCallPolicy.requestedOnce.check(ticket(WORKING), NOW)).isEmpty();
            assertRejected(ReviewCallPolicy.requestedOnce.check(ticket(working(CALL_REQUESTED)), NOW),
                    "review-call-already-requested", "A review call is already requested on ticket ticket-1");
            assertThat(ReviewCallPolicy.beforeTheUpgrade.check(ticket(WORKING), UPGRADE_AT.minusSeconds(1))).isEmpty();
            assertRejected(ReviewCallPolicy.beforeTheUpgrade.check(ticket(WORKING), UPGRADE_AT), "upgrade-time-passed",
                    "The upgrade was due at " + UPGRADE_AT + "; a review call comes before the upgrade");
        }

        @Test
        void theLinkGoesOutOnceForARequestedCall() {
            assertRejected(ReviewCallPolicy.askedFor.check(ticket(WORKING), NOW), "review-call-not-requested",
                    "The customer has not asked for a review call on ticket ticket-1");
            assertThat(ReviewCallPolicy.linkSentOnce.check(ticket(working(CALL_REQUESTED)), NOW)).isEmpty();
            assertRejected(ReviewCallPolicy.linkSentOnce.check(ticket(working(CALL_REQUESTED, LINK_SENT)), NOW),
                    "review-call-link-already-sent", "The booking link went out at " + NOW);
        }

        @Test
        void theCallIsHeldOnceAfterTheLinkUnlessMissed() {
            assertRejected(ReviewCallPolicy.afterTheLink.check(ticket(working(CALL_REQUESTED)), NOW),
                    "review-call-link-not-sent", "No booking link went out for a review call on ticket ticket-1");
            Ticket sent = ticket(working(CALL_REQUESTED, LINK_SENT));
            Rejection.enforce(ReviewCallPolicy.HOLDING, policy -> policy.check(sent, NOW));
            assertRejected(ReviewCallPolicy.heldOnce.check(ticket(working(CALL_REQUESTED, LINK_SENT,
                    new ReviewCallHeldEvent(ID, ENGAGEMENT, null))), NOW), "review-call-already-held",
                    "The review call was already held");
            assertRejected(ReviewCallPolicy.notMissed.check(ticket(working(CALL_REQUESTED, LINK_SENT,
                    new ReviewCallMissedEvent(ID, ENGAGEMENT, UPGRADE_AT))), NOW), "review-call-missed",
                    "The upgrade time came before the review call; reschedule the upgrade first");
        }
    }

    @Nested
    class UpgradeDate {

        static final Instant LATER = UPGRADE_AT.plus(Duration.ofDays(1));

        @Test
        void aBookedOrScheduledUpgradeMovesOnlyByRescheduling() {
            assertThat(UpgradeDatePolicy.movedOnlyByRescheduling.check(ticket(WORKING), LATER, NOW)).isEmpty();
            assertThat(UpgradeDatePolicy.movedOnlyByRescheduling.check(ticket(ON_HOLD), UPGRADE_AT, NOW)).isEmpty();
            assertRejected(UpgradeDatePolicy.movedOnlyByRescheduling.check(ticket(ON_HOLD), LATER, NOW),
                    "reschedule-to-change-upgrade-date", "The upgrade is already scheduled at " + UPGRADE_AT
                            + "; move it by rescheduling, so the review-call rule is checked again");
            assertRejected(UpgradeDatePolicy.movedOnlyByRescheduling.check(ticket(working(CALL_REQUESTED)), null, NOW),
                    "reschedule-to-change-upgrade-date", "The upgrade is already booked for a review call at "
                            + UPGRADE_AT + "; move it by rescheduling, so the review-call rule is checked again");
        }

        @Test
        void aRescheduleMovesToAnotherTimeAhead() {
            assertRejected(UpgradeDatePolicy.changed.check(ticket(WORKING), UPGRADE_AT, NOW), "upgrade-date-unchanged",
                    "The upgrade is already at " + UPGRADE_AT);
            assertThat(UpgradeDatePolicy.changed.check(ticket(WORKING), LATER, NOW)).isEmpty();
            assertRejected(UpgradeDatePolicy.ahead.check(ticket(WORKING), NOW, NOW), "upgrade-date-in-past",
                    "The new upgrade time " + NOW + " has passed; give a time ahead");
            assertThat(UpgradeDatePolicy.ahead.check(ticket(WORKING), LATER, NOW)).isEmpty();
        }
    }
}
