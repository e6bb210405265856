package com.upgradecoordination.review.domain;

import static org.hamcrest.Matchers.equalTo;

import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.review.api.CompleteSupportReviewCommand;
import com.upgradecoordination.review.api.OpenSupportReviewCommand;
import com.upgradecoordination.review.api.ReviewedDeviation;
import com.upgradecoordination.review.api.ReviewedPerformance;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import com.upgradecoordination.review.api.SupportVerdict;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportReviewTest {

    static final String ID = "review-1";
    static final String ENGAGEMENT = "engagement-1";
    static final List<ReviewedDeviation> GITALY_UNDERSIZED =
            List.of(new ReviewedDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    static final ReviewedPerformance PERFORMANCE = new ReviewedPerformance("BELOW_GPT_THRESHOLDS", "GPT_THRESHOLDS",
            null, "GPT_THRESHOLDS 3k (each test's own RPS, TTFB p90 and success-rate thresholds at 60s_60rps)", 90.1,
            79.2, List.of("api_v4_groups"));

    static final SupportReviewOpenedEvent OPENED = new SupportReviewOpenedEvent(ID, ENGAGEMENT, 2, "Acme Corp",
            "casey.csm", "3k", GITALY_UNDERSIZED, PERFORMANCE);

    static OpenSupportReviewCommand open(List<ReviewedDeviation> deviations) {
        return new OpenSupportReviewCommand(ID, ENGAGEMENT, 2, " Acme Corp ", "casey.csm", "3k", deviations, PERFORMANCE);
    }

    static CompleteSupportReviewCommand complete(SupportVerdict verdict, List<String> recommendations, String role) {
        return new CompleteSupportReviewCommand(ID, verdict, recommendations, "sam.senior", role, null);
    }

    /** A rule violation of the named rule. */
    static Matcher<RuleViolationException> rule(String name) {
        return new FeatureMatcher<RuleViolationException, String>(equalTo(name), "rule violation named", "rule") {
            @Override
            protected String featureValueOf(RuleViolationException violation) {
                return violation.rule();
            }
        };
    }

    FixtureConfiguration<SupportReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportReview.class);
    }

    @Nested
    class Opening {

        @Test
        void opensAReviewWithWhatSupportNeeds() {
            fixture.givenNoPriorActivity()
                    .when(open(GITALY_UNDERSIZED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OPENED);
        }

        @Test
        void refusesToOpenTheSameReviewTwice() {
            fixture.given(OPENED)
                    .when(open(GITALY_UNDERSIZED))
                    .expectException(rule("support-review-already-open"))
                    .expectExceptionMessage("Support review review-1 is already open for engagement engagement-1")
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewWithoutDeviations() {
            fixture.givenNoPriorActivity()
                    .when(open(List.of()))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewWithoutEngagement() {
            fixture.givenNoPriorActivity()
                    .when(new OpenSupportReviewCommand(ID, " ", 2, "Acme Corp", "casey.csm", "3k", GITALY_UNDERSIZED,
                            null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("engagementId: required")
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewWithoutPlanVersion() {
            fixture.givenNoPriorActivity()
                    .when(new OpenSupportReviewCommand(ID, ENGAGEMENT, 0, "Acme Corp", "casey.csm", "3k",
                            GITALY_UNDERSIZED, null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Completion {

        @ParameterizedTest
        @ValueSource(strings = {"SENIOR_SUPPORT_ENGINEER", "SUPPORT_MANAGER"})
        void aSeniorSupportEngineerOrHigherCompletesIt(String role) {
            fixture.given(OPENED)
                    .when(complete(SupportVerdict.SUPPORTABLE_WITH_CHANGES, List.of(" Add a second Gitaly node "),
                            role))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SupportReviewCompletedEvent(ID, ENGAGEMENT, 2,
                            SupportVerdict.SUPPORTABLE_WITH_CHANGES, List.of("Add a second Gitaly node"),
                            "sam.senior", role));
        }

        @Test
        void supportableNeedsNoRecommendations() {
            fixture.given(OPENED)
                    .when(complete(SupportVerdict.SUPPORTABLE, List.of(), "SENIOR_SUPPORT_ENGINEER"))
                    .expectEvents(new SupportReviewCompletedEvent(ID, ENGAGEMENT, 2, SupportVerdict.SUPPORTABLE,
                            List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORT_ENGINEER", "CSM", "PROSERV", "AUDITOR", "INTEGRATION"})
        void refusesAnyoneBelowSeniorSupportEngineer(String role) {
            fixture.given(OPENED)
                    .when(complete(SupportVerdict.SUPPORTABLE, List.of(), role))
                    .expectException(rule("senior-support-engineer-required"))
                    .expectExceptionMessage("Only a Senior Support Engineer or a Support Manager may complete an "
                            + "architecture support review; sam.senior acts as " + role)
                    .expectNoEvents();
        }

        @Test
        void refusesToCompleteTwice() {
            fixture.given(OPENED, new SupportReviewCompletedEvent(ID, ENGAGEMENT, 2, SupportVerdict.SUPPORTABLE,
                            List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .when(complete(SupportVerdict.NOT_SUPPORTABLE, List.of("Do not do this"), "SUPPORT_MANAGER"))
                    .expectException(rule("support-review-already-completed"))
                    .expectExceptionMessage("Support review review-1 is already completed")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"SUPPORTABLE_WITH_CHANGES", "NOT_SUPPORTABLE"})
        void refusesAVerdictWithoutTheRecommendationsItNeeds(SupportVerdict verdict) {
            fixture.given(OPENED)
                    .when(complete(verdict, List.of(), "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("recommendations: a verdict of " + verdict
                            + " needs at least one recommendation")
                    .expectNoEvents();
        }

        @Test
        void refusesNullRecommendationsForAVerdictThatNeedsThem() {
            fixture.given(OPENED)
                    .when(complete(SupportVerdict.NOT_SUPPORTABLE, null, "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesBlankRecommendations() {
            fixture.given(OPENED)
                    .when(complete(SupportVerdict.NOT_SUPPORTABLE, List.of(" "), "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesACompletionWithoutVerdict() {
            fixture.given(OPENED)
                    .when(complete(null, List.of("something"), "SENIOR_SUPPORT_ENGINEER"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("verdict: required")
                    .expectNoEvents();
        }
    }

    /** Optimistic concurrency (SPEC S4): a completion naming the version it was based on runs only on that version. */
    @Nested
    class ExpectedVersion {

        CompleteSupportReviewCommand completeAt(long expectedVersion) {
            return new CompleteSupportReviewCommand(ID, SupportVerdict.SUPPORTABLE, List.of(), "sam.senior",
                    "SENIOR_SUPPORT_ENGINEER", expectedVersion);
        }

        /** The review is at {@code actual}, the command expected {@code expected}. */
        Matcher<ConflictingAggregateVersionException> staleVersion(long expected, long actual) {
            return new FeatureMatcher<ConflictingAggregateVersionException, String>(
                    equalTo(expected + "/" + actual), "expected/actual version", "versions") {
                @Override
                protected String featureValueOf(ConflictingAggregateVersionException conflict) {
                    return conflict.getExpectedVersion() + "/" + conflict.getActualVersion();
                }
            };
        }

        @Test
        void aCompletionBasedOnTheCurrentVersionIsRecorded() {
            fixture.given(OPENED)
                    .when(completeAt(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SupportReviewCompletedEvent(ID, ENGAGEMENT, 2, SupportVerdict.SUPPORTABLE,
                            List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"));
        }

        @Test
        void aCompletionBasedOnAVersionTheReviewNeverHadIsRefused() {
            fixture.given(OPENED)
                    .when(completeAt(1))
                    .expectException(staleVersion(1, 0))
                    .expectNoEvents();
        }

        @Test
        void aCompletionBasedOnAnOlderVersionIsRefused() {
            // Axon checks an older expected version after the handler ran, so here the rule speaks first;
            // either way the command is refused and nothing is stored.
            fixture.given(OPENED, new SupportReviewCompletedEvent(ID, ENGAGEMENT, 2, SupportVerdict.SUPPORTABLE,
                            List.of(), "sam.senior", "SENIOR_SUPPORT_ENGINEER"))
                    .when(completeAt(0))
                    .expectException(rule("support-review-already-completed"))
                    .expectNoEvents();
        }
    }
}
