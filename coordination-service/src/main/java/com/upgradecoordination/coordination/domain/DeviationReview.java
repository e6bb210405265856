package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.DeviationPolicies.justificationAfterReviewAndDiscussion;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.justifiedOnce;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.noJustificationWhileCustomerRevises;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.once;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.onePendingSupportReview;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.pendingSupportReview;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.performanceAfterExpectations;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.sharingAfterDocumentation;
import static com.upgradecoordination.coordination.domain.DeviationPolicies.supportReviewAfterJustificationExpectationsAndPerformance;
import static com.upgradecoordination.coordination.domain.PlanPolicies.deviatingPlanFirst;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.AdviseFutureAdoptionCommand;
import com.upgradecoordination.coordination.api.ConfirmReferenceArchitectureReviewedCommand;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.JustifyDeviationCommand;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.api.PerformanceResultsSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordRevisionDiscussionCommand;
import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.RequestSupportReviewCommand;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.SetExpectationsCommand;
import com.upgradecoordination.coordination.api.ShareDocumentationWithSupportCommand;
import com.upgradecoordination.coordination.api.SubmitPerformanceResultsCommand;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.performance.GptBenchmarkLibrary;
import com.upgradecoordination.coordination.domain.performance.GptResultsFormat;
import com.upgradecoordination.coordination.domain.performance.GptRun;
import com.upgradecoordination.coordination.domain.performance.PerformanceComparison;
import com.upgradecoordination.coordination.domain.performance.PerformanceJudge;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The deviation process of the latest plan (SPEC C6, steps a to h), a member of the engagement:
 * each step is recorded in the order {@link DeviationProcess} allows, Support reviews the deviation
 * (f), and the deviation is accepted once every step holds.
 */
class DeviationReview {

    private String engagementId;
    private SupportVerdict supportVerdict;
    private String pendingReviewId;
    private int pendingReviewPlanVersion;

    String engagementId() {
        return engagementId;
    }

    /** The support review awaiting Support's verdict, null when none does. */
    String pendingReviewId() {
        return pendingReviewId;
    }

    int pendingReviewPlanVersion() {
        return pendingReviewPlanVersion;
    }

    /** a. The customer knows and has reviewed the reference architecture for their size. */
    @CommandHandler
    void handle(ConfirmReferenceArchitectureReviewedCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "confirm the reference architecture was reviewed"), command);
        enforce(once(process(caseFile), Step.REFERENCE_ARCHITECTURE_REVIEWED,
                "reference-architecture-already-reviewed", "The customer's review of the reference architecture"),
                command);
        apply(new ReferenceArchitectureReviewedEvent(engagementId(), planVersion(caseFile)));
    }

    /** b. How the customer could revise the architecture to match the reference, and what they decided. */
    @CommandHandler
    void handle(RecordRevisionDiscussionCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "record the revision discussion"), command);
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        enforce(once(process(caseFile), Step.REVISION_DISCUSSED, "revision-already-discussed",
                "The revision discussion"), command);
        apply(new RevisionDiscussedEvent(engagementId(), planVersion(caseFile), command.outcome(),
                command.notes() == null ? null : command.notes().strip()));
    }

    /** c. Why the customer keeps the deviation. */
    @CommandHandler
    void handle(JustifyDeviationCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "justify a deviation"), command);
        if (command.reasonCategory() == null) {
            throw new IllegalArgumentException("reasonCategory: required");
        }
        require(command.explanation(), "explanation");
        enforce(justifiedOnce(process(caseFile)), command);
        enforce(justificationAfterReviewAndDiscussion(process(caseFile)), command);
        enforce(noJustificationWhileCustomerRevises(process(caseFile)), command);
        apply(new DeviationJustifiedEvent(engagementId(), planVersion(caseFile), command.reasonCategory(),
                command.explanation().strip()));
    }

    /** d. The customer was told that performance and support may be affected. */
    @CommandHandler
    void handle(SetExpectationsCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "record that expectations were set"), command);
        enforce(once(process(caseFile), Step.EXPECTATIONS_SET, "expectations-already-set", "Setting expectations"),
                command);
        apply(new ExpectationsSetEvent(engagementId(), planVersion(caseFile)));
    }

    /**
     * e. The customer's GPT results, judged for the reference size: against GitLab's latest registered
     * benchmark of that size, or, where none is registered, against GPT's own pass criteria.
     */
    @CommandHandler
    PerformanceComparisonResult handle(SubmitPerformanceResultsCommand command, CaseFile caseFile,
                                       GptResultsFormat gptResults, GptBenchmarkLibrary benchmarks,
                                       ReferenceArchitectureCatalog catalog) {
        require(command.resultsJson(), "resultsJson");
        enforce(deviatingPlanFirst(progress(caseFile), "submit performance results"), command);
        enforce(performanceAfterExpectations(process(caseFile)), command);
        GptRun run = gptResults.read(command.resultsJson());
        String size = caseFile.referenceSize();
        PerformanceComparison comparison = PerformanceJudge.judge(catalog.size(size), benchmarks.latestFor(size), run);
        apply(new PerformanceResultsSubmittedEvent(engagementId(), planVersion(caseFile), run.gptVersion(),
                run.option(), run.date(), command.resultsJson()));
        PerformanceComparedEvent compared = new PerformanceComparedEvent(engagementId(), planVersion(caseFile), size,
                comparison.verdict(), comparison.customerScore(), comparison.benchmarkScore(), comparison.tests(),
                comparison.basis());
        apply(compared);
        return PerformanceComparisonResult.of(compared);
    }

    /** f. Only after c, d and e; one review at a time. */
    @CommandHandler
    void handle(RequestSupportReviewCommand command, CaseFile caseFile) {
        require(command.reviewId(), "reviewId");
        enforce(deviatingPlanFirst(progress(caseFile), "request a support review"), command);
        enforce(supportReviewAfterJustificationExpectationsAndPerformance(process(caseFile)), command);
        enforce(onePendingSupportReview(this), command);
        apply(new SupportReviewRequestedEvent(engagementId(), command.reviewId(), planVersion(caseFile),
                caseFile.customerOrganisation(), caseFile.csm(), caseFile.referenceSize(), caseFile.latestDeviations(),
                caseFile.latestPerformance()));
    }

    /** f. Support's verdict: a plan that is not supportable goes back to planning. */
    @CommandHandler
    void handle(RecordSupportReviewOutcomeCommand command, CaseFile caseFile) {
        enforce(pendingSupportReview(this, command.reviewId()), command);
        apply(new SupportReviewOutcomeReceivedEvent(engagementId(), command.reviewId(), command.planVersion(),
                command.verdict(), List.copyOf(command.recommendations()), command.reviewer(),
                command.reviewerLevel()));
        if (command.verdict() == SupportVerdict.NOT_SUPPORTABLE) {
            apply(new ReturnedToPlanningEvent(engagementId(), command.planVersion(),
                    "Support found plan version " + command.planVersion() + " not supportable"));
        } else {
            acceptWhenComplete(caseFile);
        }
    }

    /** g. The customer may later be asked to adopt a reference architecture. */
    @CommandHandler
    void handle(AdviseFutureAdoptionCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "record the future-adoption advice"), command);
        enforce(once(process(caseFile), Step.FUTURE_ADOPTION_ADVISED, "future-adoption-already-advised",
                "The future-adoption advice"), command);
        apply(new FutureAdoptionAdvisedEvent(engagementId(), planVersion(caseFile)));
        acceptWhenComplete(caseFile);
    }

    /** h. Where all of this is documented, e.g. the collaboration project's wiki. */
    @CommandHandler
    void handle(RecordDocumentationCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "record the documentation"), command);
        require(command.location(), "location");
        if (!command.location().strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("location: an http(s) URL, e.g. the collaboration project's wiki page");
        }
        apply(new DocumentationRecordedEvent(engagementId(), planVersion(caseFile), command.location().strip()));
        acceptWhenComplete(caseFile);
    }

    /** h. The documentation's location was given to Support for its customer notes. */
    @CommandHandler
    void handle(ShareDocumentationWithSupportCommand command, CaseFile caseFile) {
        enforce(deviatingPlanFirst(progress(caseFile), "share the documentation with Support"), command);
        enforce(sharingAfterDocumentation(process(caseFile)), command);
        enforce(once(process(caseFile), Step.DOCUMENTATION_SHARED_WITH_SUPPORT, "documentation-already-shared",
                "Sharing the documentation"), command);
        apply(new DocumentationSharedWithSupportEvent(engagementId(), planVersion(caseFile)));
        acceptWhenComplete(caseFile);
    }

    /** The deviation is accepted once a to h hold for the latest plan and Support's verdict allows it. */
    private void acceptWhenComplete(CaseFile caseFile) {
        if (process(caseFile).complete() && !progress(caseFile).deviationAccepted()) {
            apply(new DeviationAcceptedEvent(engagementId(), planVersion(caseFile), supportVerdict));
        }
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
    }

    @EventSourcingHandler
    void on(SupportReviewRequestedEvent event) {
        pendingReviewId = event.reviewId();
        pendingReviewPlanVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(SupportReviewOutcomeReceivedEvent event) {
        pendingReviewId = null;
        supportVerdict = event.verdict();
    }

    private static EngagementProgress progress(CaseFile caseFile) {
        return caseFile.progress();
    }

    private static DeviationProcess process(CaseFile caseFile) {
        return caseFile.progress().deviationProcess();
    }

    private static int planVersion(CaseFile caseFile) {
        return caseFile.progress().latestPlanVersion();
    }

    private void enforce(Optional<Refusal> verdict, Object command) {
        Refusal.enforce(verdict, engagementId(), command);
    }
}
