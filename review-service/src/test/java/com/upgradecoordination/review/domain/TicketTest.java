package com.upgradecoordination.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.review.api.AddCsmAsFollowerCommand;
import com.upgradecoordination.review.api.AssignTicketCommand;
import com.upgradecoordination.review.catalog.UpgradeStopCatalogLoader;
import com.upgradecoordination.review.api.CloseTicketCommand;
import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
import com.upgradecoordination.review.api.HandOffTicketCommand;
import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.NoteMigrationProblemCommand;
import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.PlanFeedbackProvidedEvent;
import com.upgradecoordination.review.api.PostponementReason;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.ProvideCustomerInformationCommand;
import com.upgradecoordination.review.api.ProvidePlanFeedbackCommand;
import com.upgradecoordination.review.api.RecommendPostponementCommand;
import com.upgradecoordination.review.api.RecordHandoffSyncCommand;
import com.upgradecoordination.review.api.RecordReviewCallHeldCommand;
import com.upgradecoordination.review.api.ReportUpgradeOutcomeCommand;
import com.upgradecoordination.review.api.RequestPairingCommand;
import com.upgradecoordination.review.api.RequestReviewCallCommand;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.RescheduleUpgradeCommand;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkRefusedEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallLinkTiming;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.ScheduleUpgradeCommand;
import com.upgradecoordination.review.api.SendReviewCallLinkCommand;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketClosedEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketHandedOffEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeOutcome;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import com.upgradecoordination.devsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketTest {

    static final String ID = "ticket-1";
    static final String ENGAGEMENT = "engagement-1";
    /** Monday 3 June 2030, 09:00 UTC: "now" unless a test moves the clock. */
    static final Instant NOW = Instant.parse("2030-06-03T09:00:00Z");
    /** The customer's upgrade: Monday 10 June 2030, 10:00 in Berlin (08:00 UTC), a week ahead. */
    static final LocalDate UPGRADE_DATE = LocalDate.of(2030, 6, 10);
    static final LocalTime UPGRADE_TIME = LocalTime.of(10, 0);
    static final String BERLIN = "Europe/Berlin";
    static final Instant UPGRADE_AT = Instant.parse("2030-06-10T08:00:00Z");

    /** A complete, correct request: 16.7.10 to 16.11.10 passes no other required stop. */
    static UpgradeRequestDetails details() {
        return new UpgradeRequestDetails("16.7.10", "16.11.10", List.of("16.11.10"), Map.of(),
                "1. Backup 2. apt install gitlab-ee=16.11.10 3. Wait for background migrations",
                "Restore the backup and gitlab-secrets.json on 16.7.10", "Omnibus, single node, 8 vCPU",
                "ops@acme.example", UPGRADE_DATE, UPGRADE_TIME, BERLIN, "Rehearsed on staging without issues");
    }

    static UpgradeRequestDetails withoutRollbackPlan() {
        UpgradeRequestDetails d = details();
        return new UpgradeRequestDetails(d.currentVersion(), d.targetVersion(), d.upgradePath(),
                d.instanceConditions(), d.upgradePlan(), null, d.architecture(), d.contactEmail(), d.upgradeDate(),
                d.upgradeTime(), d.upgradeTimezone(), d.stagingNotes());
    }

    static final List<InformationDeficiency> NO_ROLLBACK_PLAN = List.of(new InformationDeficiency("rollbackPlan",
            InformationDeficiency.Kind.NO_ROLLBACK_PLAN,
            "Add a rollback plan, with a full backup including secrets and configuration files"));

    static RequestUpgradeAssistanceCommand request(UpgradeRequestDetails details) {
        return new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, " Acme Corp ", ENGAGEMENT, "casey.csm",
                CsmSource.COORDINATION, details);
    }

    static final UpgradeAssistanceRequestedEvent REQUESTED = new UpgradeAssistanceRequestedEvent(ID, ENGAGEMENT,
            TicketForm.STANDARD, TicketPriority.HIGH, "Acme Corp", ENGAGEMENT, details());
    static final RequiredInformationCompleteEvent COMPLETE = new RequiredInformationCompleteEvent(ID, ENGAGEMENT);
    static final TicketAssignedEvent ASSIGNED = new TicketAssignedEvent(ID, ENGAGEMENT, "sue.engineer");

    static TicketStatusChangedEvent status(TicketStatus from, TicketStatus to) {
        return new TicketStatusChangedEvent(ID, ENGAGEMENT, from, to);
    }

    /** Requested with complete information and taken by sue.engineer: open. */
    static final Object[] WORKING = {REQUESTED, COMPLETE, ASSIGNED, status(TicketStatus.NEW, TicketStatus.OPEN)};

    static Object[] working(Object... more) {
        Object[] all = new Object[WORKING.length + more.length];
        System.arraycopy(WORKING, 0, all, 0, WORKING.length);
        System.arraycopy(more, 0, all, WORKING.length, more.length);
        return all;
    }

    static final ReviewCallRequestedEvent CALL_REQUESTED = new ReviewCallRequestedEvent(ID, ENGAGEMENT, UPGRADE_AT,
            UPGRADE_AT.minus(Duration.ofDays(2)));

    static Matcher<RuleViolationException> rule(String name) {
        return new FeatureMatcher<RuleViolationException, String>(equalTo(name), "rule violation named", "rule") {
            @Override
            protected String featureValueOf(RuleViolationException violation) {
                return violation.rule();
            }
        };
    }

    /**
     * As the platform's command bus does (AxonPlatformAutoConfiguration.KEEP_RECORDED_REFUSALS): a
     * recorded refusal keeps its event. Here the refusal comes back as the command's result.
     */
    void keepRecordedRefusals() {
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RecordedRuleViolationException refused) {
                return refused;
            }
        });
    }

    static Matcher<Object> recordedRefusal(String name, String reason) {
        return new FeatureMatcher<Object, String>(equalTo(name + ": " + reason), "recorded refusal", "rule: reason") {
            @Override
            protected String featureValueOf(Object result) {
                return result instanceof RecordedRuleViolationException refusal
                        ? refusal.rule() + ": " + refusal.getMessage() : String.valueOf(result);
            }
        };
    }

    /** The CSMs coordination-service named, as the directory knows them; what new tickets asked it. */
    static final class KnownCsms implements CsmDirectory {

        final Map<String, String> byEngagement = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> csmForNewTicket(String engagementId, String organisation) {
            asked.add(engagementId + " / " + organisation);
            return Optional.ofNullable(engagementId == null ? null : byEngagement.get(engagementId));
        }
    }

    FixtureConfiguration<Ticket> fixture;
    MovableClock clock;
    KnownCsms csms;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(NOW);
        csms = new KnownCsms();
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(csms);
        fixture.registerInjectableResource(new RequiredInformationCheck(UpgradeStopCatalogLoader.bundled()));
    }

    @Nested
    class Request {

        @Test
        void aCompleteRequestIsNewHighPriorityWithItsCsmFollowing() {
            fixture.givenNoPriorActivity()
                    .when(request(details()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REQUESTED,
                            new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm", CsmSource.COORDINATION),
                            COMPLETE);
        }

        @Test
        void missingInformationIsRequestedAndTheTicketPends() {
            fixture.givenNoPriorActivity()
                    .when(request(withoutRollbackPlan()))
                    .expectEvents(new UpgradeAssistanceRequestedEvent(ID, ENGAGEMENT, TicketForm.STANDARD,
                                    TicketPriority.HIGH, "Acme Corp", ENGAGEMENT, withoutRollbackPlan()),
                            new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm", CsmSource.COORDINATION),
                            new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN),
                            status(TicketStatus.NEW, TicketStatus.PENDING));
        }

        @Test
        void withoutACsmInTheRequestTheEngagementsCsmFromCoordinationFollows() {
            csms.byEngagement.put(ENGAGEMENT, "casey.csm");
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, " Acme Corp ", ENGAGEMENT, " ",
                            null, details()))
                    .expectEvents(REQUESTED,
                            new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm", CsmSource.COORDINATION),
                            COMPLETE);
            assertThat(csms.asked).containsExactly(ENGAGEMENT + " / Acme Corp");
        }

        @Test
        void theCsmTheRequestNamesFollowsAndTheDirectoryIsStillAskedSoItHoldsTheEngagement() {
            csms.byEngagement.put(ENGAGEMENT, "casey.csm");
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, "Acme Corp", ENGAGEMENT,
                            " cora.csm ", CsmSource.REQUEST, details()))
                    .expectEvents(REQUESTED,
                            new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "cora.csm", CsmSource.REQUEST),
                            COMPLETE);
            assertThat(csms.asked).containsExactly(ENGAGEMENT + " / Acme Corp");
        }

        @Test
        void aRequestWithoutEngagementOrCsmIsItsOwnCase() {
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.US_GOVERNMENT, "Agency", null, " ",
                            null, details()))
                    .expectEvents(new UpgradeAssistanceRequestedEvent(ID, ID, TicketForm.US_GOVERNMENT,
                                    TicketPriority.HIGH, "Agency", null, details()),
                            new RequiredInformationCompleteEvent(ID, ID));
        }

        @Test
        void anUpgradeDateInThePastIsADeficiency() {
            clock.set(UPGRADE_AT.plus(Duration.ofDays(2)));
            fixture.givenNoPriorActivity()
                    .when(request(details()))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                    org.hamcrest.Matchers.instanceOf(MissingInformationRequestedEvent.class))));
        }

        @Test
        void refusesTheMigrationProblemFormAndAMissingForm() {
            for (TicketForm form : new TicketForm[] {TicketForm.MIGRATION_PROBLEM, null}) {
                fixture.givenNoPriorActivity()
                        .when(new RequestUpgradeAssistanceCommand(ID, form, "Acme", null, null, null, details()))
                        .expectException(IllegalArgumentException.class)
                        .expectExceptionMessage("form: STANDARD or US_GOVERNMENT")
                        .expectNoEvents();
            }
        }

        @Test
        void refusesARequestWithoutOrganisationOrDetails() {
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, " ", null, null, null, details()))
                    .expectExceptionMessage("organisation: required")
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, "Acme", null, null, null, null))
                    .expectExceptionMessage("details: required")
                    .expectNoEvents();
        }

        @Test
        void refusesACsmWithoutSource() {
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, "Acme", null, "casey", null,
                            details()))
                    .expectExceptionMessage("csmSource: required with a CSM")
                    .expectNoEvents();
        }

        @Test
        void aRefusedRequestDoesNotAskTheDirectory() {
            fixture.givenNoPriorActivity()
                    .when(new RequestUpgradeAssistanceCommand(ID, TicketForm.STANDARD, "Acme", ENGAGEMENT, null, null,
                            null))
                    .expectExceptionMessage("details: required")
                    .expectNoEvents();
            assertThat(csms.asked).isEmpty();
        }

        @Test
        void refusesAnUnknownTimezone() {
            UpgradeRequestDetails d = details();
            fixture.givenNoPriorActivity()
                    .when(request(new UpgradeRequestDetails(d.currentVersion(), d.targetVersion(), d.upgradePath(),
                            d.instanceConditions(), d.upgradePlan(), d.rollbackPlan(), d.architecture(),
                            d.contactEmail(), d.upgradeDate(), d.upgradeTime(), "Mars/Olympus", d.stagingNotes())))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("upgradeTimezone: not a known timezone, e.g. Europe/Berlin")
                    .expectNoEvents();
        }
    }

    @Nested
    class CsmLearntLater {

        final Object[] withoutCsm = {new UpgradeAssistanceRequestedEvent(ID, ENGAGEMENT, TicketForm.STANDARD,
                TicketPriority.HIGH, "Acme Corp", ENGAGEMENT, details()), COMPLETE};

        @Test
        void theEngagementsCsmFollowsATicketFiledBeforeTheEngagementWasKnown() {
            fixture.given(withoutCsm)
                    .when(new AddCsmAsFollowerCommand(ID, " casey.csm "))
                    .expectEvents(new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm", CsmSource.COORDINATION));
        }

        @Test
        void aCsmWhoAlreadyFollowsIsNotAddedAgain() {
            fixture.given(REQUESTED, new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm", CsmSource.REQUEST))
                    .when(new AddCsmAsFollowerCommand(ID, "casey.csm"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesABlankCsmAndAClosedTicket() {
            fixture.given(withoutCsm)
                    .when(new AddCsmAsFollowerCommand(ID, " "))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(withoutCsm[0], withoutCsm[1], ASSIGNED, status(TicketStatus.NEW, TicketStatus.OPEN),
                            new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, UpgradeOutcome.SUCCEEDED, null),
                            status(TicketStatus.OPEN, TicketStatus.SOLVED), new TicketClosedEvent(ID, ENGAGEMENT),
                            status(TicketStatus.SOLVED, TicketStatus.CLOSED))
                    .when(new AddCsmAsFollowerCommand(ID, "casey.csm"))
                    .expectException(rule("ticket-closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CustomerInformation {

        static final Object[] PENDING = {new UpgradeAssistanceRequestedEvent(ID, ENGAGEMENT, TicketForm.STANDARD,
                TicketPriority.HIGH, "Acme Corp", ENGAGEMENT, withoutRollbackPlan()),
                new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN),
                status(TicketStatus.NEW, TicketStatus.PENDING)};

        @Test
        void aCompleteAnswerClearsThePendingTicket() {
            fixture.given(PENDING)
                    .when(new ProvideCustomerInformationCommand(ID, details(), null))
                    .expectEvents(new CustomerInformationProvidedEvent(ID, ENGAGEMENT, details()), COMPLETE,
                            status(TicketStatus.PENDING, TicketStatus.OPEN));
        }

        @Test
        void anIncompleteAnswerAsksAgainAndStaysPending() {
            fixture.given(PENDING)
                    .when(new ProvideCustomerInformationCommand(ID, withoutRollbackPlan(), null))
                    .expectEvents(new CustomerInformationProvidedEvent(ID, ENGAGEMENT, withoutRollbackPlan()),
                            new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN));
        }

        @Test
        void aNewUpgradeDateAfterTheCallWasBookedGoesThroughRescheduling() {
            UpgradeRequestDetails d = details();
            fixture.given(working(CALL_REQUESTED))
                    .when(new ProvideCustomerInformationCommand(ID, new UpgradeRequestDetails(d.currentVersion(),
                            d.targetVersion(), d.upgradePath(), d.instanceConditions(), d.upgradePlan(),
                            d.rollbackPlan(), d.architecture(), d.contactEmail(), UPGRADE_DATE.plusDays(1),
                            d.upgradeTime(), d.upgradeTimezone(), d.stagingNotes()), null))
                    .expectException(rule("reschedule-to-change-upgrade-date"))
                    .expectNoEvents();
        }

        @Test
        void refusesNoDetails() {
            fixture.given(PENDING)
                    .when(new ProvideCustomerInformationCommand(ID, null, null))
                    .expectExceptionMessage("details: required")
                    .expectNoEvents();
        }
    }

    @Nested
    class Assignment {

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORT_ENGINEER", "SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER"})
        void theTriagingEngineerTakesTheNewTicketAndItOpens(String role) {
            fixture.given(REQUESTED, COMPLETE)
                    .when(new AssignTicketCommand(ID, " sue.engineer ", role, null))
                    .expectEvents(ASSIGNED, status(TicketStatus.NEW, TicketStatus.OPEN));
        }

        @Test
        void aPendingTicketStaysPendingWhenTaken() {
            fixture.given(REQUESTED, new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN),
                            status(TicketStatus.NEW, TicketStatus.PENDING))
                    .when(new AssignTicketCommand(ID, "sue.engineer", "SUPPORT_ENGINEER", null))
                    .expectEvents(ASSIGNED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSM", "PROSERV", "INTEGRATION", "AUDITOR"})
        void onlySupportTakesTickets(String role) {
            fixture.given(REQUESTED, COMPLETE)
                    .when(new AssignTicketCommand(ID, "casey", role, null))
                    .expectException(rule("support-engineer-required"))
                    .expectNoEvents();
        }

        @Test
        void anAssignedTicketChangesHandsOnlyByHandoff() {
            fixture.given(WORKING)
                    .when(new AssignTicketCommand(ID, "sam.senior", "SENIOR_SUPPORT_ENGINEER", null))
                    .expectException(rule("ticket-already-assigned"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PairingAndFeedback {

        @Test
        void theAssigneeAsksAnEngineerWithUpgradeFocusToPair() {
            fixture.given(WORKING)
                    .when(new RequestPairingCommand(ID, "uma.upgrades", null))
                    .expectEvents(new PairingRequestedEvent(ID, ENGAGEMENT, "uma.upgrades"));
        }

        @Test
        void pairingWaitsForCompleteInformationAndAnAssignee() {
            fixture.given(REQUESTED, new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN),
                            ASSIGNED)
                    .when(new RequestPairingCommand(ID, "uma.upgrades", null))
                    .expectException(rule("required-information-incomplete"))
                    .expectNoEvents();
            fixture.given(REQUESTED, COMPLETE)
                    .when(new RequestPairingCommand(ID, "uma.upgrades", null))
                    .expectException(rule("ticket-not-assigned"))
                    .expectNoEvents();
        }

        @Test
        void refusesPairingWithTheAssigneeOrTwiceWithTheSameEngineer() {
            fixture.given(WORKING)
                    .when(new RequestPairingCommand(ID, "sue.engineer", null))
                    .expectException(rule("pairing-with-assignee"))
                    .expectNoEvents();
            fixture.given(working(new PairingRequestedEvent(ID, ENGAGEMENT, "uma.upgrades")))
                    .when(new RequestPairingCommand(ID, "uma.upgrades", null))
                    .expectException(rule("pairing-already-requested"))
                    .expectNoEvents();
        }

        @Test
        void feedbackOnThePlans() {
            fixture.given(WORKING)
                    .when(new ProvidePlanFeedbackCommand(ID, " Wait for batched background migrations ", null, null))
                    .expectEvents(new PlanFeedbackProvidedEvent(ID, ENGAGEMENT,
                            "Wait for batched background migrations", null));
        }

        @Test
        void feedbackNeedsSomethingToSayAndAnAssignee() {
            fixture.given(WORKING)
                    .when(new ProvidePlanFeedbackCommand(ID, " ", null, null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(REQUESTED, COMPLETE)
                    .when(new ProvidePlanFeedbackCommand(ID, "ok", "ok", null))
                    .expectException(rule("ticket-not-assigned"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviewCall {

        @Test
        void aRequestedCallSetsTheLinkAndCallDeadlines() {
            fixture.given(WORKING)
                    .when(new RequestReviewCallCommand(ID, null))
                    .expectEvents(CALL_REQUESTED)
                    .expectScheduledDeadline(UPGRADE_AT.minus(Duration.ofDays(2)),
                            new TicketDeadlines.ReviewCallLinkDue(ID, UPGRADE_AT))
                    .expectScheduledDeadline(UPGRADE_AT, new TicketDeadlines.ReviewCallDue(ID, UPGRADE_AT));
        }

        @Test
        void aCallNeedsCompleteInformationAndIsRequestedOnce() {
            fixture.given(REQUESTED, new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN))
                    .when(new RequestReviewCallCommand(ID, null))
                    .expectException(rule("required-information-incomplete"))
                    .expectNoEvents();
            fixture.given(working(CALL_REQUESTED))
                    .when(new RequestReviewCallCommand(ID, null))
                    .expectException(rule("review-call-already-requested"))
                    .expectNoEvents();
        }

        @Test
        void noCallAfterTheUpgradeTime() {
            clock.set(UPGRADE_AT);
            fixture.given(WORKING)
                    .when(new RequestReviewCallCommand(ID, null))
                    .expectException(rule("upgrade-time-passed"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        /** A requested call, with the clock at {@code lead} before the upgrade. */
        TestExecutor<Ticket> sendLinkAt(Duration lead) {
            clock.set(UPGRADE_AT.minus(lead));
            return fixture.given(working(CALL_REQUESTED));
        }

        @Test
        void threeDaysAheadIsInTime() {
            sendLinkAt(Duration.ofDays(3)).when(new SendReviewCallLinkCommand(ID, null))
                    .expectEvents(new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT,
                            UPGRADE_AT.minus(Duration.ofDays(3)), 3 * 24 * 60, ReviewCallLinkTiming.IN_TIME, null));
        }

        @Test
        void betweenTwoAndThreeDaysIsAcceptedWithAWarning() {
            Duration lead = Duration.ofDays(2).plusHours(12);
            sendLinkAt(lead).when(new SendReviewCallLinkCommand(ID, null))
                    .expectEvents(new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, UPGRADE_AT.minus(lead),
                            lead.toMinutes(), ReviewCallLinkTiming.LATE_WITH_WARNING,
                            "Sent 2 days 12 hours 0 minutes before the upgrade; Support prefers 3 days"));
        }

        @Test
        void justUnderThreeDaysIsWarned() {
            Duration lead = Duration.ofDays(3).minusMinutes(1);
            sendLinkAt(lead).when(new SendReviewCallLinkCommand(ID, null))
                    .expectEvents(new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, UPGRADE_AT.minus(lead),
                            lead.toMinutes(), ReviewCallLinkTiming.LATE_WITH_WARNING,
                            "Sent 2 days 23 hours 59 minutes before the upgrade; Support prefers 3 days"));
        }

        @Test
        void exactlyTwoDaysAheadIsStillAccepted() {
            sendLinkAt(Duration.ofDays(2)).when(new SendReviewCallLinkCommand(ID, null))
                    .expectEvents(new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT,
                            UPGRADE_AT.minus(Duration.ofDays(2)), 2 * 24 * 60,
                            ReviewCallLinkTiming.LATE_WITH_WARNING,
                            "Sent 2 days 0 hours 0 minutes before the upgrade; Support prefers 3 days"));
        }

        @Test
        void justUnderTwoDaysIsRefusedAndTheRefusalRecorded() {
            Duration lead = Duration.ofDays(2).minusSeconds(1);
            String reason = "The booking link must go out at least 2 days before the upgrade at " + UPGRADE_AT
                    + "; it is 1 days 23 hours 59 minutes away. Recommend postponing the upgrade instead.";
            keepRecordedRefusals();
            sendLinkAt(lead).when(new SendReviewCallLinkCommand(ID, null))
                    .expectResultMessagePayloadMatching(recordedRefusal("review-call-link-too-late", reason))
                    .expectEvents(new ReviewCallLinkRefusedEvent(ID, ENGAGEMENT, UPGRADE_AT, UPGRADE_AT.minus(lead),
                            lead.toMinutes(), reason));
        }

        @Test
        void theLinkNeedsARequestedCallAndGoesOutOnce() {
            fixture.given(WORKING)
                    .when(new SendReviewCallLinkCommand(ID, null))
                    .expectException(rule("review-call-not-requested"))
                    .expectNoEvents();
            fixture.given(working(CALL_REQUESTED, new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, NOW,
                            1000, ReviewCallLinkTiming.IN_TIME, null)))
                    .when(new SendReviewCallLinkCommand(ID, null))
                    .expectException(rule("review-call-link-already-sent"))
                    .expectNoEvents();
        }

        @Test
        void aLinkNotSentTwoDaysAheadIsOverdueWhenItsDeadlineComes() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new RequestReviewCallCommand(ID, null))
                    .whenTimeAdvancesTo(UPGRADE_AT.minus(Duration.ofDays(2)))
                    .expectTriggeredDeadlinesWithName(TicketDeadlines.REVIEW_CALL_LINK)
                    .expectEvents(new ReviewCallLinkOverdueEvent(ID, ENGAGEMENT, UPGRADE_AT,
                            UPGRADE_AT.minus(Duration.ofDays(2))));
        }

        @Test
        void aSentLinkCancelsTheLinkDeadline() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new RequestReviewCallCommand(ID, null), new SendReviewCallLinkCommand(ID, null))
                    .whenTimeAdvancesTo(UPGRADE_AT.minus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(UPGRADE_AT, TicketDeadlines.REVIEW_CALL);
        }

        @Test
        void aCallNotHeldByTheUpgradeTimeIsMissed() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new RequestReviewCallCommand(ID, null), new SendReviewCallLinkCommand(ID, null))
                    .whenTimeAdvancesTo(UPGRADE_AT)
                    .expectEvents(new ReviewCallMissedEvent(ID, ENGAGEMENT, UPGRADE_AT));
        }

        @Test
        void aHeldCallCancelsTheCallDeadline() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new RequestReviewCallCommand(ID, null), new SendReviewCallLinkCommand(ID, null),
                            new RecordReviewCallHeldCommand(ID, "Went through the plan", null))
                    .whenTimeAdvancesTo(UPGRADE_AT.plusSeconds(1))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void theCallIsHeldAfterTheLinkOnce() {
            ReviewCallLinkSentEvent sent = new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, NOW, 1000,
                    ReviewCallLinkTiming.IN_TIME, null);
            fixture.given(working(CALL_REQUESTED, sent))
                    .when(new RecordReviewCallHeldCommand(ID, " Walked through the rollback ", null))
                    .expectEvents(new ReviewCallHeldEvent(ID, ENGAGEMENT, "Walked through the rollback"));
            fixture.given(working(CALL_REQUESTED))
                    .when(new RecordReviewCallHeldCommand(ID, null, null))
                    .expectException(rule("review-call-link-not-sent"))
                    .expectNoEvents();
            fixture.given(working(CALL_REQUESTED, sent, new ReviewCallHeldEvent(ID, ENGAGEMENT, null)))
                    .when(new RecordReviewCallHeldCommand(ID, null, null))
                    .expectException(rule("review-call-already-held"))
                    .expectNoEvents();
            fixture.given(working(CALL_REQUESTED, sent, new ReviewCallMissedEvent(ID, ENGAGEMENT, UPGRADE_AT)))
                    .when(new RecordReviewCallHeldCommand(ID, null, null))
                    .expectException(rule("review-call-missed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Handoff {

        static final HandoffSyncRecordedEvent SYNCED = new HandoffSyncRecordedEvent(ID, ENGAGEMENT, "sam.senior",
                "Walked Sam through the plan and the open questions");

        @Test
        void theAssigneeRecordsASyncAndHandsOff() {
            fixture.given(WORKING)
                    .when(new RecordHandoffSyncCommand(ID, "sam.senior",
                            " Walked Sam through the plan and the open questions ", null))
                    .expectEvents(SYNCED);
            fixture.given(working(SYNCED))
                    .when(new HandOffTicketCommand(ID, "sam.senior", "sue.engineer", "SUPPORT_ENGINEER", null))
                    .expectEvents(new TicketHandedOffEvent(ID, ENGAGEMENT, "sue.engineer", "sam.senior",
                            "Walked Sam through the plan and the open questions"));
        }

        @Test
        void aSupportManagerMayHandOffForTheAssignee() {
            fixture.given(working(SYNCED))
                    .when(new HandOffTicketCommand(ID, "sam.senior", "max.manager", "SUPPORT_MANAGER", null))
                    .expectEvents(new TicketHandedOffEvent(ID, ENGAGEMENT, "sue.engineer", "sam.senior",
                            "Walked Sam through the plan and the open questions"));
        }

        @Test
        void aHandoffWithoutARecordedSyncIsRefused() {
            fixture.given(working(new HandoffSyncRecordedEvent(ID, ENGAGEMENT, "tom.other", "notes")))
                    .when(new HandOffTicketCommand(ID, "sam.senior", "sue.engineer", "SUPPORT_ENGINEER", null))
                    .expectException(rule("handoff-needs-sync"))
                    .expectExceptionMessage("Record the sync with sam.senior before handing the ticket off")
                    .expectNoEvents();
        }

        @Test
        void theSyncCountsForOneHandoffOnly() {
            fixture.given(working(SYNCED, new TicketHandedOffEvent(ID, ENGAGEMENT, "sue.engineer", "sam.senior",
                            "notes"), new HandoffSyncRecordedEvent(ID, ENGAGEMENT, "sue.engineer", "back")))
                    .when(new HandOffTicketCommand(ID, "sue.engineer", "sam.senior", "SENIOR_SUPPORT_ENGINEER", null))
                    .expectEvents(new TicketHandedOffEvent(ID, ENGAGEMENT, "sam.senior", "sue.engineer", "back"));
        }

        @Test
        void onlyTheAssigneeOrAManagerHandsOffAndNotToThemselves() {
            fixture.given(working(SYNCED))
                    .when(new HandOffTicketCommand(ID, "sam.senior", "tom.other", "SUPPORT_ENGINEER", null))
                    .expectException(rule("handoff-by-assignee"))
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new HandOffTicketCommand(ID, "sue.engineer", "sue.engineer", "SUPPORT_ENGINEER", null))
                    .expectException(rule("handoff-to-assignee"))
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new RecordHandoffSyncCommand(ID, "sue.engineer", "notes", null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
            fixture.given(REQUESTED, COMPLETE)
                    .when(new RecordHandoffSyncCommand(ID, "sam.senior", "notes", null))
                    .expectException(rule("ticket-not-assigned"))
                    .expectNoEvents();
        }
    }

    @Nested
    class OnHold {

        static final Instant ON_HOLD_UNTIL = NOW.plus(Duration.ofDays(4));
        static final UpgradeScheduledEvent SCHEDULED = new UpgradeScheduledEvent(ID, ENGAGEMENT, UPGRADE_AT,
                ON_HOLD_UNTIL);

        @Test
        void aScheduledUpgradePutsTheTicketOnHoldForFourDays() {
            fixture.given(WORKING)
                    .when(new ScheduleUpgradeCommand(ID, null))
                    .expectEvents(SCHEDULED, status(TicketStatus.OPEN, TicketStatus.ON_HOLD))
                    .expectScheduledDeadline(ON_HOLD_UNTIL, new TicketDeadlines.OnHoldExpiry(ID, ON_HOLD_UNTIL));
        }

        @Test
        void schedulingNeedsCompleteInformationAnAssigneeAndIsNotRepeatedOnHold() {
            fixture.given(REQUESTED, new MissingInformationRequestedEvent(ID, ENGAGEMENT, NO_ROLLBACK_PLAN), ASSIGNED)
                    .when(new ScheduleUpgradeCommand(ID, null))
                    .expectException(rule("required-information-incomplete"))
                    .expectNoEvents();
            fixture.given(REQUESTED, COMPLETE)
                    .when(new ScheduleUpgradeCommand(ID, null))
                    .expectException(rule("ticket-not-assigned"))
                    .expectNoEvents();
            fixture.given(working(SCHEDULED, status(TicketStatus.OPEN, TicketStatus.ON_HOLD)))
                    .when(new ScheduleUpgradeCommand(ID, null))
                    .expectException(rule("upgrade-already-scheduled"))
                    .expectNoEvents();
        }

        @Test
        void fourDaysOnHoldWithoutOutcomeReopensTheTicket() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new ScheduleUpgradeCommand(ID, null))
                    .whenTimeElapses(Duration.ofDays(4))
                    .expectTriggeredDeadlinesWithName(TicketDeadlines.ON_HOLD)
                    .expectEvents(new OnHoldExpiredEvent(ID, ENGAGEMENT, ON_HOLD_UNTIL),
                            status(TicketStatus.ON_HOLD, TicketStatus.OPEN));
        }

        @Test
        void justUnderFourDaysNothingHappens() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new ScheduleUpgradeCommand(ID, null))
                    .whenTimeElapses(Duration.ofDays(4).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(ON_HOLD_UNTIL, TicketDeadlines.ON_HOLD);
        }

        @Test
        void aReportedOutcomeCancelsTheExpiry() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new ScheduleUpgradeCommand(ID, null),
                            new ReportUpgradeOutcomeCommand(ID, UpgradeOutcome.SUCCEEDED, null, null))
                    .whenTimeElapses(Duration.ofDays(5))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aSuccessSolvesTheTicket() {
            fixture.given(working(SCHEDULED, status(TicketStatus.OPEN, TicketStatus.ON_HOLD)))
                    .when(new ReportUpgradeOutcomeCommand(ID, UpgradeOutcome.SUCCEEDED, " All green ", null))
                    .expectEvents(new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, UpgradeOutcome.SUCCEEDED,
                            "All green"), status(TicketStatus.ON_HOLD, TicketStatus.SOLVED));
        }

        @ParameterizedTest
        @EnumSource(value = UpgradeOutcome.class, names = {"FAILED", "ROLLED_BACK"})
        void aFailureOrRollbackReopensTheTicket(UpgradeOutcome outcome) {
            fixture.given(working(SCHEDULED, status(TicketStatus.OPEN, TicketStatus.ON_HOLD)))
                    .when(new ReportUpgradeOutcomeCommand(ID, outcome, null, null))
                    .expectEvents(new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, outcome, null),
                            status(TicketStatus.ON_HOLD, TicketStatus.OPEN));
        }

        @Test
        void noOutcomeWithoutAScheduledUpgrade() {
            fixture.given(WORKING)
                    .when(new ReportUpgradeOutcomeCommand(ID, UpgradeOutcome.SUCCEEDED, null, null))
                    .expectException(rule("upgrade-not-scheduled"))
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new ReportUpgradeOutcomeCommand(ID, null, null, null))
                    .expectExceptionMessage("outcome: required")
                    .expectNoEvents();
        }
    }

    @Nested
    class PostponementAndRescheduling {

        static final LocalDate LATER = UPGRADE_DATE.plusDays(7);
        static final Instant LATER_AT = UPGRADE_AT.plus(Duration.ofDays(7));

        @Test
        void theAssigneeRecommendsPostponing() {
            fixture.given(WORKING)
                    .when(new RecommendPostponementCommand(ID, List.of(PostponementReason.POORLY_PLANNED,
                            PostponementReason.LIKELY_DOWNTIME, PostponementReason.POORLY_PLANNED), null, null))
                    .expectEvents(new PostponementRecommendedEvent(ID, ENGAGEMENT,
                            List.of(PostponementReason.POORLY_PLANNED, PostponementReason.LIKELY_DOWNTIME), null));
        }

        @Test
        void otherNeedsAnExplanationAndSomeReasonIsNeeded() {
            fixture.given(WORKING)
                    .when(new RecommendPostponementCommand(ID, List.of(PostponementReason.OTHER), " ", null))
                    .expectExceptionMessage("explanation: required when a reason is OTHER")
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new RecommendPostponementCommand(ID, List.of(), null, null))
                    .expectExceptionMessage("reasons: name at least one reason")
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new RecommendPostponementCommand(ID, List.of(PostponementReason.OTHER), "Change freeze", null))
                    .expectEvents(new PostponementRecommendedEvent(ID, ENGAGEMENT, List.of(PostponementReason.OTHER),
                            "Change freeze"));
        }

        @Test
        void reschedulingWithoutACallMovesOnlyTheDate() {
            fixture.given(WORKING)
                    .when(new RescheduleUpgradeCommand(ID, LATER, UPGRADE_TIME, BERLIN, null))
                    .expectEvents(new UpgradeRescheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, LATER, UPGRADE_TIME, BERLIN,
                            LATER_AT, null, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void anAwaitedLinkAndTheCallMoveWithTheUpgrade() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(WORKING)
                    .andGivenCommands(new RequestReviewCallCommand(ID, null))
                    .when(new RescheduleUpgradeCommand(ID, LATER, UPGRADE_TIME, BERLIN, null))
                    .expectEvents(new UpgradeRescheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, LATER, UPGRADE_TIME, BERLIN,
                            LATER_AT, null, LATER_AT.minus(Duration.ofDays(2))))
                    .expectScheduledDeadline(LATER_AT.minus(Duration.ofDays(2)),
                            new TicketDeadlines.ReviewCallLinkDue(ID, LATER_AT))
                    .expectScheduledDeadline(LATER_AT, new TicketDeadlines.ReviewCallDue(ID, LATER_AT))
                    .expectNoScheduledDeadline(UPGRADE_AT, new TicketDeadlines.ReviewCallDue(ID, UPGRADE_AT));
        }

        @Test
        void aSentLinkThatIsNowTooCloseToTheUpgradeIsFlagged() {
            // the link went out 3 days ahead; the upgrade moves to a day and a half after it
            Instant sentAt = UPGRADE_AT.minus(Duration.ofDays(3));
            clock.set(sentAt);
            LocalDate earlier = UPGRADE_DATE.minusDays(2);
            Instant earlierAt = UPGRADE_AT.minus(Duration.ofDays(2));
            fixture.given(working(CALL_REQUESTED, new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, sentAt,
                            3 * 24 * 60, ReviewCallLinkTiming.IN_TIME, null)))
                    .when(new RescheduleUpgradeCommand(ID, earlier, UPGRADE_TIME, BERLIN, null))
                    .expectEvents(new UpgradeRescheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, earlier, UPGRADE_TIME,
                            BERLIN, earlierAt, ReviewCallLinkTiming.TOO_LATE, null))
                    .expectScheduledDeadline(earlierAt, new TicketDeadlines.ReviewCallDue(ID, earlierAt));
        }

        @Test
        void aSentLinkStillTwoAndAHalfDaysAheadIsWarned() {
            Instant sentAt = UPGRADE_AT.minus(Duration.ofDays(4));
            Instant newAt = sentAt.plus(Duration.ofDays(2).plusHours(12));
            fixture.given(working(CALL_REQUESTED, new ReviewCallLinkSentEvent(ID, ENGAGEMENT, UPGRADE_AT, sentAt,
                            4 * 24 * 60, ReviewCallLinkTiming.IN_TIME, null)))
                    .when(new RescheduleUpgradeCommand(ID, UPGRADE_DATE.minusDays(2), LocalTime.of(22, 0), BERLIN,
                            null))
                    .expectEvents(new UpgradeRescheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, UPGRADE_DATE.minusDays(2),
                            LocalTime.of(22, 0), BERLIN, newAt, ReviewCallLinkTiming.LATE_WITH_WARNING, null));
        }

        @Test
        void refusesAnUnchangedPastOrIncompleteDate() {
            fixture.given(WORKING)
                    .when(new RescheduleUpgradeCommand(ID, UPGRADE_DATE, UPGRADE_TIME, BERLIN, null))
                    .expectException(rule("upgrade-date-unchanged"))
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new RescheduleUpgradeCommand(ID, LocalDate.of(2030, 6, 1), UPGRADE_TIME, BERLIN, null))
                    .expectException(rule("upgrade-date-in-past"))
                    .expectNoEvents();
            fixture.given(WORKING)
                    .when(new RescheduleUpgradeCommand(ID, LATER, null, BERLIN, null))
                    .expectExceptionMessage("upgradeDate, upgradeTime: required")
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        static final Object[] SOLVED = working(new UpgradeScheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, NOW),
                status(TicketStatus.OPEN, TicketStatus.ON_HOLD),
                new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, UpgradeOutcome.SUCCEEDED, null),
                status(TicketStatus.ON_HOLD, TicketStatus.SOLVED));

        @Test
        void everyStateFromRequestToCloseSurvivesASnapshot() {
            List<Object> lifetime = new java.util.ArrayList<>(List.of(WORKING));
            lifetime.addAll(List.of(CALL_REQUESTED, Handoff.SYNCED));
            lifetime.addAll(List.of(SOLVED).subList(WORKING.length, SOLVED.length));
            lifetime.addAll(List.of(new TicketClosedEvent(ID, ENGAGEMENT), status(TicketStatus.SOLVED, TicketStatus.CLOSED)));
            SnapshotRoundTrip.assertEveryStateSurvivesASnapshot(Ticket.class, ID, lifetime.toArray());
        }

        @Test
        void aSolvedTicketCloses() {
            fixture.given(SOLVED)
                    .when(new CloseTicketCommand(ID, null))
                    .expectEvents(new TicketClosedEvent(ID, ENGAGEMENT), status(TicketStatus.SOLVED, TicketStatus.CLOSED));
        }

        @Test
        void onlyASolvedTicketCloses() {
            fixture.given(WORKING)
                    .when(new CloseTicketCommand(ID, null))
                    .expectException(rule("ticket-not-solved"))
                    .expectNoEvents();
        }

        @Test
        void aSolvedTicketTakesNoMoreWork() {
            fixture.given(SOLVED)
                    .when(new RequestReviewCallCommand(ID, null))
                    .expectException(rule("ticket-solved"))
                    .expectNoEvents();
        }

        @Test
        void closedIsFinal() {
            Object[] closed = new Object[SOLVED.length + 2];
            System.arraycopy(SOLVED, 0, closed, 0, SOLVED.length);
            closed[SOLVED.length] = new TicketClosedEvent(ID, ENGAGEMENT);
            closed[SOLVED.length + 1] = status(TicketStatus.SOLVED, TicketStatus.CLOSED);
            fixture.given(closed)
                    .when(new CloseTicketCommand(ID, null))
                    .expectException(rule("ticket-closed"))
                    .expectNoEvents();
            fixture.given(closed)
                    .when(new NoteMigrationProblemCommand(ID, "problem-2", "Gitaly down"))
                    .expectException(rule("ticket-closed"))
                    .expectNoEvents();
        }
    }

    @Nested
    class MigrationProblems {

        static final TicketOpenedForMigrationProblemEvent OPENED = new TicketOpenedForMigrationProblemEvent(ID,
                ENGAGEMENT, ENGAGEMENT, "Acme Corp", TicketPriority.HIGH, "problem-1", "Gitaly nodes fail to start");

        @Test
        void aProblemOpensATicketForTheEngagement() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMigrationProblemTicketCommand(ID, ENGAGEMENT, "Acme Corp", "casey.csm", "problem-1",
                            " Gitaly nodes fail to start "))
                    .expectEvents(OPENED, new CsmAddedAsFollowerEvent(ID, ENGAGEMENT, "casey.csm",
                            CsmSource.COORDINATION));
        }

        @Test
        void aFurtherProblemIsNotedAndReopensAWaitingTicket() {
            fixture.given(working(new UpgradeScheduledEvent(ID, ENGAGEMENT, UPGRADE_AT, NOW),
                            status(TicketStatus.OPEN, TicketStatus.ON_HOLD)))
                    .when(new NoteMigrationProblemCommand(ID, "problem-2", "Sidekiq backlog"))
                    .expectEvents(new MigrationProblemNotedEvent(ID, ENGAGEMENT, "problem-2", "Sidekiq backlog"),
                            status(TicketStatus.ON_HOLD, TicketStatus.OPEN));
        }

        @Test
        void theSameProblemIsNotedOnce() {
            fixture.given(OPENED)
                    .when(new NoteMigrationProblemCommand(ID, "problem-1", "again"))
                    .expectException(rule("migration-problem-already-noted"))
                    .expectNoEvents();
        }

        @Test
        void aMigrationProblemTicketReportsItsOutcomeWithoutASchedule() {
            fixture.given(OPENED, new TicketAssignedEvent(ID, ENGAGEMENT, "sue.engineer"),
                            new TicketStatusChangedEvent(ID, ENGAGEMENT, TicketStatus.NEW, TicketStatus.OPEN))
                    .when(new ReportUpgradeOutcomeCommand(ID, UpgradeOutcome.SUCCEEDED, null, null))
                    .expectEvents(new UpgradeOutcomeReportedEvent(ID, ENGAGEMENT, UpgradeOutcome.SUCCEEDED, null),
                            status(TicketStatus.OPEN, TicketStatus.SOLVED));
        }

        @Test
        void refusesAProblemWithoutDescription() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMigrationProblemTicketCommand(ID, ENGAGEMENT, null, null, "problem-1", " "))
                    .expectExceptionMessage("description: required")
                    .expectNoEvents();
        }
    }
}
