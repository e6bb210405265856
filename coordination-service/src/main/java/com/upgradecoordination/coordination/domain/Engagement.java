package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.AdviseFutureAdoptionCommand;
import com.upgradecoordination.coordination.api.AnswerInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.CloseEngagementCommand;
import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.CompleteMigrationCommand;
import com.upgradecoordination.coordination.api.ConfirmReferenceArchitectureReviewedCommand;
import com.upgradecoordination.coordination.api.DeclineProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.EngageProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.EngagementCommandRefusedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.JustifyDeviationCommand;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationProblemReportedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.OpenEngagementCommand;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceResultsSubmittedEvent;
import com.upgradecoordination.coordination.api.PlanAuthor;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.RecordPlanReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.SharePlanWithSupportCommand;
import com.upgradecoordination.coordination.api.ProblemRoute;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.ProvideReferenceDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordRequirementsCommand;
import com.upgradecoordination.coordination.api.RecordRevisionDiscussionCommand;
import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.ReferenceDocumentationProvidedEvent;
import com.upgradecoordination.coordination.api.ReportMigrationProblemCommand;
import com.upgradecoordination.coordination.api.RequestInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.RequestSupportReviewCommand;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.SetExpectationsCommand;
import com.upgradecoordination.coordination.api.ShareDocumentationWithSupportCommand;
import com.upgradecoordination.coordination.api.StartMigrationCommand;
import com.upgradecoordination.coordination.api.SubmitPerformanceResultsCommand;
import com.upgradecoordination.coordination.api.SubmitPlanCommand;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.performance.GptBenchmarkLibrary;
import com.upgradecoordination.coordination.domain.performance.PerformanceJudge;
import com.upgradecoordination.coordination.api.PerformanceOutcome;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.domain.performance.GptResultsFormat;
import com.upgradecoordination.coordination.domain.performance.GptRun;
import com.upgradecoordination.coordination.domain.performance.PerformanceComparison;
import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import com.upgradecoordination.platform.axon.AggregateSnapshots;

/**
 * One customer's upgrade engagement: the case. Command handlers validate and apply; event-sourcing
 * handlers only assign state.
 */
// Snapshotted (issue 13); the revision names the shape of its fields: bump it when they change.
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Engagement {

    /** From this many expected users ProServ is highly recommended and short timelines are a risk (SPEC C3). */
    static final int LARGE_UPGRADE_USERS = 5000;

    @AggregateIdentifier
    private String engagementId;
    private String customerOrganisation;
    private String csm;
    private String referenceSize;
    private ProfessionalServicesStrength professionalServicesRecommended;
    private LocalDate planningStarted;
    private LocalDate timelineRiskFlaggedFor;
    private boolean professionalServicesEngaged;
    private boolean professionalServicesDeclined;
    private List<Deviation> latestDeviations = List.of();
    private int latestPlanVersion;
    private String latestPlanDocumentUrl;
    private boolean latestPlanDeviates;
    // The deviation process (SPEC C6) of the latest plan version; a new version starts it afresh.
    private DeviationProcess deviationProcess = DeviationProcess.startingOn(0);
    // e: the latest plan version's performance comparison, with the basis it rests on
    private PerformanceOutcome latestPerformance;
    private SupportVerdict supportVerdict;
    private int deviationAcceptedFor;
    private boolean migrationStarted;
    private boolean migrationCompleted;
    private boolean closed;
    private final Set<String> openAssistanceRequests = new HashSet<>();
    private final Set<String> answeredAssistanceRequests = new HashSet<>();
    private String pendingReviewId;
    private int pendingReviewPlanVersion;
    // C7: plan reviews by id; the value is the shared plan version. Completed ones stay known.
    private final Map<String, Integer> pendingPlanReviews = new HashMap<>();
    private final Set<String> completedPlanReviews = new HashSet<>();

    protected Engagement() {
        // for Axon
    }

    @CommandHandler
    public Engagement(OpenEngagementCommand command) {
        require(command.engagementId(), "engagementId");
        require(command.customerOrganisation(), "customerOrganisation");
        require(command.csm(), "csm");
        if (command.reasons() == null || command.reasons().isEmpty()) {
            throw new IllegalArgumentException("reasons: name at least one reason for the upgrade");
        }
        if (command.deploymentType() == null) {
            throw new IllegalArgumentException("deploymentType: required");
        }
        apply(new EngagementOpenedEvent(command.engagementId(), command.customerOrganisation().strip(),
                command.csm().strip(), command.reasons(), command.deploymentType()));
    }

    @CommandHandler
    public void handle(RecordRequirementsCommand command, ReferenceArchitectureCatalog catalog, Clock clock) {
        if (command.currentUsers() < 1 || command.expectedUsers() < 1) {
            throw new IllegalArgumentException("currentUsers and expectedUsers: at least 1");
        }
        if (command.expectedUsers() < command.currentUsers()) {
            throw new IllegalArgumentException("expectedUsers: cannot be fewer than currentUsers");
        }
        if (command.peakRps() != null && command.peakRps() < 1) {
            throw new IllegalArgumentException("peakRps: at least 1 when given");
        }
        if (command.targetCompletionDate() == null) {
            throw new IllegalArgumentException("targetCompletionDate: required");
        }
        Sizing sizing = catalog.sizeFor(command.expectedUsers(), command.peakRps());
        // Planning starts when the requirements are first recorded.
        LocalDate planningStart = planningStarted != null ? planningStarted : LocalDate.now(clock);
        apply(new RequirementsRecordedEvent(engagementId, command.currentUsers(), command.expectedUsers(),
                command.growthHorizonMonths(), command.peakRps(), command.highAvailability(), command.geo(),
                command.targetCompletionDate()));
        if (!sizing.architecture().size().equals(referenceSize)) {
            apply(new ReferenceArchitectureMatchedEvent(engagementId, sizing.architecture().size(), sizing.sizedBy()));
        }
        ProfessionalServicesStrength strength = command.expectedUsers() >= LARGE_UPGRADE_USERS
                ? ProfessionalServicesStrength.HIGHLY_RECOMMENDED : ProfessionalServicesStrength.RECOMMENDED;
        if (strength != professionalServicesRecommended) {
            apply(new ProfessionalServicesRecommendedEvent(engagementId, strength, command.expectedUsers()));
        }
        if (command.expectedUsers() >= LARGE_UPGRADE_USERS
                && command.targetCompletionDate().isBefore(planningStart.plusMonths(3))
                && !command.targetCompletionDate().equals(timelineRiskFlaggedFor)) {
            apply(new TimelineRiskFlaggedEvent(engagementId, command.expectedUsers(), planningStart,
                    command.targetCompletionDate()));
        }
    }

    @CommandHandler
    public void handle(EngageProfessionalServicesCommand command) {
        requireRecommendation();
        if (professionalServicesEngaged) {
            throw new RuleViolationException("professional-services-already-engaged",
                    "Professional Services are already engaged");
        }
        apply(new ProfessionalServicesEngagedEvent(engagementId));
    }

    @CommandHandler
    public void handle(DeclineProfessionalServicesCommand command) {
        requireRecommendation();
        require(command.reason(), "reason");
        if (professionalServicesEngaged || professionalServicesDeclined) {
            throw new RuleViolationException("professional-services-already-decided",
                    "The customer already " + (professionalServicesEngaged ? "engaged" : "declined")
                            + " Professional Services");
        }
        apply(new ProfessionalServicesDeclinedEvent(engagementId, command.reason().strip()));
    }

    /** Without ProServ, the CSM provides documentation such as the reference architectures, not a detailed plan. */
    @CommandHandler
    public void handle(ProvideReferenceDocumentationCommand command) {
        if (command.links() == null || command.links().isEmpty()) {
            throw new IllegalArgumentException("links: at least one link");
        }
        for (String link : command.links()) {
            if (link == null || !link.strip().matches("(?i)https?://\\S+")) {
                throw new IllegalArgumentException("links: each an http(s) URL, not '" + link + "'");
            }
        }
        if (!professionalServicesDeclined || professionalServicesEngaged) {
            throw refuseAndRecord(command, "documentation-only-without-professional-services",
                    "The CSM provides reference documentation when the customer declined Professional Services");
        }
        apply(new ReferenceDocumentationProvidedEvent(engagementId,
                command.links().stream().map(String::strip).toList()));
    }

    @CommandHandler
    public int handle(SubmitPlanCommand command, ReferenceArchitectureCatalog catalog) {
        if (referenceSize == null) {
            throw new RuleViolationException("plan-requires-requirements",
                    "Record the customer's requirements first: a plan is compared with the reference architecture of their size");
        }
        if (command.author() == null) {
            throw new IllegalArgumentException("author: required");
        }
        if (command.components() == null || command.components().isEmpty()) {
            throw new IllegalArgumentException("components: a plan proposes at least one component");
        }
        if (command.plannedWindowStart() != null && command.plannedWindowEnd() != null
                && !command.plannedWindowEnd().isAfter(command.plannedWindowStart())) {
            throw new IllegalArgumentException("plannedWindowEnd: must be after plannedWindowStart");
        }
        if (professionalServicesDeclined && !professionalServicesEngaged && command.author() != PlanAuthor.CUSTOMER) {
            throw refuseAndRecord(command, "plan-author-must-be-customer",
                    "The customer declined Professional Services: the plan must come from the customer");
        }
        ReferenceArchitecture reference = catalog.size(referenceSize);
        List<Deviation> deviations = catalog.compare(reference, command.components());
        int version = latestPlanVersion + 1;
        apply(new PlanSubmittedEvent(engagementId, version, command.author(), referenceSize,
                List.copyOf(command.components()), command.migrationApproach(), command.rollbackApproach(),
                command.plannedWindowStart(), command.plannedWindowEnd(), command.planDocumentUrl()));
        if (deviations.isEmpty()) {
            apply(new ArchitectureConformsEvent(engagementId, version, referenceSize));
        } else {
            apply(new ArchitectureDeviationDetectedEvent(engagementId, version, referenceSize, deviations));
        }
        return version;
    }

    /** A closed engagement keeps its history and takes no more commands (SPEC C8). */
    @CommandHandlerInterceptor
    public Object refuseCommandsWhenClosed(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (closed) {
            throw new RuleViolationException("engagement-closed",
                    "Engagement " + engagementId + " is closed; its history stays readable");
        }
        return chain.proceed();
    }

    /** C8: the migration starts on a conforming plan or once its deviation is accepted. */
    @CommandHandler
    public void handle(StartMigrationCommand command) {
        if (latestPlanVersion == 0) {
            throw new RuleViolationException("requires-plan", "Submit a plan before you start the migration");
        }
        if (latestPlanDeviates && deviationAcceptedFor != latestPlanVersion) {
            throw refuseAndRecord(command, "migration-requires-accepted-plan",
                    "Plan version " + latestPlanVersion + " deviates and its deviation is not accepted yet");
        }
        if (migrationStarted) {
            throw new RuleViolationException("migration-already-started", "The migration has already started");
        }
        apply(new MigrationStartedEvent(engagementId, latestPlanVersion));
    }

    /**
     * C8: a problem during the migration goes to Professional Services when engaged; otherwise
     * Support is the primary contact (review-service opens or joins a ticket).
     */
    @CommandHandler
    public void handle(ReportMigrationProblemCommand command) {
        require(command.problemId(), "problemId");
        require(command.description(), "description");
        if (!migrationStarted || migrationCompleted) {
            throw new RuleViolationException("no-migration-running",
                    "Problems are reported while the migration runs; it has " + (migrationStarted ? "completed" : "not started"));
        }
        apply(new MigrationProblemReportedEvent(engagementId, command.problemId(), command.description().strip(),
                professionalServicesEngaged ? ProblemRoute.PROFESSIONAL_SERVICES : ProblemRoute.SUPPORT));
    }

    @CommandHandler
    public void handle(CompleteMigrationCommand command) {
        if (!migrationStarted || migrationCompleted) {
            throw new RuleViolationException("no-migration-running",
                    "Only a running migration can complete; it has " + (migrationStarted ? "completed" : "not started"));
        }
        apply(new MigrationCompletedEvent(engagementId, latestPlanVersion));
    }

    /** C8: completed after the migration, or cancelled at any time; the history stays either way. */
    @CommandHandler
    public void handle(CloseEngagementCommand command) {
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        if (command.outcome() == ClosingOutcome.COMPLETED && !migrationCompleted) {
            throw refuseAndRecord(command, "completion-requires-migration",
                    "Complete the migration before closing the engagement as completed (or close it as cancelled)");
        }
        apply(new EngagementClosedEvent(engagementId, command.outcome(),
                command.notes() == null ? null : command.notes().strip()));
    }

    /** C4: other teams (Product, Quality, Support ...) may be asked specific questions at any time. */
    @CommandHandler
    public void handle(RequestInternalAssistanceCommand command) {
        require(command.requestId(), "requestId");
        if (command.team() == null) {
            throw new IllegalArgumentException("team: required");
        }
        require(command.question(), "question");
        apply(new InternalAssistanceRequestedEvent(engagementId, command.requestId(), command.team(),
                command.question().strip()));
    }

    @CommandHandler
    public void handle(AnswerInternalAssistanceCommand command) {
        require(command.answer(), "answer");
        if (answeredAssistanceRequests.contains(command.requestId())) {
            throw new RuleViolationException("assistance-already-answered",
                    "Assistance request " + command.requestId() + " is already answered");
        }
        if (!openAssistanceRequests.contains(command.requestId())) {
            throw new RuleViolationException("no-such-assistance-request",
                    "No assistance request " + command.requestId() + " on engagement " + engagementId);
        }
        apply(new InternalAssistanceAnsweredEvent(engagementId, command.requestId(), command.answer().strip()));
    }

    /** a. The customer knows and has reviewed the reference architecture for their size. */
    @CommandHandler
    public void handle(ConfirmReferenceArchitectureReviewedCommand command) {
        requireDeviatingPlan("confirm the reference architecture was reviewed");
        requireNotYet(Step.REFERENCE_ARCHITECTURE_REVIEWED, "reference-architecture-already-reviewed",
                "The customer's review of the reference architecture");
        apply(new ReferenceArchitectureReviewedEvent(engagementId, latestPlanVersion));
    }

    /** b. How the customer could revise the architecture to match the reference, and what they decided. */
    @CommandHandler
    public void handle(RecordRevisionDiscussionCommand command) {
        requireDeviatingPlan("record the revision discussion");
        if (command.outcome() == null) {
            throw new IllegalArgumentException("outcome: required");
        }
        requireNotYet(Step.REVISION_DISCUSSED, "revision-already-discussed", "The revision discussion");
        apply(new RevisionDiscussedEvent(engagementId, latestPlanVersion, command.outcome(),
                command.notes() == null ? null : command.notes().strip()));
    }

    @CommandHandler
    public void handle(JustifyDeviationCommand command) {
        requireDeviatingPlan("justify a deviation");
        if (command.reasonCategory() == null) {
            throw new IllegalArgumentException("reasonCategory: required");
        }
        require(command.explanation(), "explanation");
        if (deviationProcess.isDone(Step.DEVIATION_JUSTIFIED)) {
            throw new RuleViolationException("deviation-already-justified",
                    "The deviation of plan version " + latestPlanVersion + " is already justified");
        }
        if (!deviationProcess.missingBefore(Step.DEVIATION_JUSTIFIED).isEmpty()) {
            throw refuseAndRecord(command, "justification-requires-review-and-discussion",
                    "Before justifying the deviation of plan version " + latestPlanVersion + ", record that the "
                            + "customer reviewed the reference architecture and how a revision was discussed");
        }
        if (deviationProcess.awaitsRevisedPlan()) {
            throw refuseAndRecord(command, "customer-will-revise",
                    "The customer will revise the plan: submit the new plan version instead of justifying this one");
        }
        apply(new DeviationJustifiedEvent(engagementId, latestPlanVersion, command.reasonCategory(),
                command.explanation().strip()));
    }

    /** d. The customer was told that performance and support may be affected. */
    @CommandHandler
    public void handle(SetExpectationsCommand command) {
        requireDeviatingPlan("record that expectations were set");
        requireNotYet(Step.EXPECTATIONS_SET, "expectations-already-set", "Setting expectations");
        apply(new ExpectationsSetEvent(engagementId, latestPlanVersion));
    }

    /**
     * e. The customer's GPT results, judged for the reference size: against GitLab's latest registered
     * benchmark of that size, or, where none is registered, against GPT's own pass criteria.
     */
    @CommandHandler
    public PerformanceComparisonResult handle(SubmitPerformanceResultsCommand command, GptResultsFormat gptResults,
                                        GptBenchmarkLibrary benchmarks, ReferenceArchitectureCatalog catalog) {
        require(command.resultsJson(), "resultsJson");
        requireDeviatingPlan("submit performance results");
        if (!deviationProcess.missingBefore(Step.PERFORMANCE_COMPARED).isEmpty()) {
            throw refuseAndRecord(command, "performance-requires-expectations",
                    "Set the customer's expectations (performance and support may be affected) before reviewing "
                            + "their performance results");
        }
        GptRun run = gptResults.read(command.resultsJson());
        PerformanceComparison comparison = PerformanceJudge.judge(catalog.size(referenceSize),
                benchmarks.latestFor(referenceSize), run);
        apply(new PerformanceResultsSubmittedEvent(engagementId, latestPlanVersion, run.gptVersion(), run.option(),
                run.date(), command.resultsJson()));
        PerformanceComparedEvent compared = new PerformanceComparedEvent(engagementId, latestPlanVersion, referenceSize,
                comparison.verdict(), comparison.customerScore(), comparison.benchmarkScore(), comparison.tests(),
                comparison.basis());
        apply(compared);
        return PerformanceComparisonResult.of(compared);
    }

    /** g. The customer may later be asked to adopt a reference architecture. */
    @CommandHandler
    public void handle(AdviseFutureAdoptionCommand command) {
        requireDeviatingPlan("record the future-adoption advice");
        requireNotYet(Step.FUTURE_ADOPTION_ADVISED, "future-adoption-already-advised", "The future-adoption advice");
        apply(new FutureAdoptionAdvisedEvent(engagementId, latestPlanVersion));
        acceptDeviationWhenComplete();
    }

    /** h. Where all of this is documented, e.g. the collaboration project's wiki. */
    @CommandHandler
    public void handle(RecordDocumentationCommand command) {
        requireDeviatingPlan("record the documentation");
        require(command.location(), "location");
        if (!command.location().strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("location: an http(s) URL, e.g. the collaboration project's wiki page");
        }
        apply(new DocumentationRecordedEvent(engagementId, latestPlanVersion, command.location().strip()));
        acceptDeviationWhenComplete();
    }

    /** h. The documentation's location was given to Support for its customer notes. */
    @CommandHandler
    public void handle(ShareDocumentationWithSupportCommand command) {
        requireDeviatingPlan("share the documentation with Support");
        if (!deviationProcess.missingBefore(Step.DOCUMENTATION_SHARED_WITH_SUPPORT).isEmpty()) {
            throw new RuleViolationException("sharing-requires-documentation",
                    "Record where the deviation is documented before sharing it with Support");
        }
        requireNotYet(Step.DOCUMENTATION_SHARED_WITH_SUPPORT, "documentation-already-shared", "Sharing the documentation");
        apply(new DocumentationSharedWithSupportEvent(engagementId, latestPlanVersion));
        acceptDeviationWhenComplete();
    }

    /** f. Only after c, d and e. */
    @CommandHandler
    public void handle(RequestSupportReviewCommand command) {
        require(command.reviewId(), "reviewId");
        requireDeviatingPlan("request a support review");
        if (!deviationProcess.missingBefore(Step.SUPPORT_REVIEW_REQUESTED).isEmpty()) {
            throw refuseAndRecord(command, "review-requires-justification-expectations-and-performance",
                    "Before asking Support to review plan version " + latestPlanVersion + ": justify the deviation, "
                            + "set expectations and submit the customer's performance results");
        }
        if (pendingReviewId != null) {
            throw new RuleViolationException("review-already-pending",
                    "Support review " + pendingReviewId + " of plan version " + pendingReviewPlanVersion
                            + " is still pending");
        }
        apply(new SupportReviewRequestedEvent(engagementId, command.reviewId(), latestPlanVersion,
                customerOrganisation, csm, referenceSize, latestDeviations, latestPerformance));
    }

    @CommandHandler
    public void handle(RecordSupportReviewOutcomeCommand command) {
        if (pendingReviewId == null || !pendingReviewId.equals(command.reviewId())) {
            throw new RuleViolationException("no-such-pending-review",
                    "No support review " + command.reviewId() + " is pending on engagement " + engagementId);
        }
        apply(new SupportReviewOutcomeReceivedEvent(engagementId, command.reviewId(), command.planVersion(),
                command.verdict(), List.copyOf(command.recommendations()), command.reviewer(),
                command.reviewerLevel()));
        if (command.verdict() == SupportVerdict.NOT_SUPPORTABLE) {
            apply(new ReturnedToPlanningEvent(engagementId, command.planVersion(),
                    "Support found plan version " + command.planVersion() + " not supportable"));
        } else {
            acceptDeviationWhenComplete();
        }
    }

    /** C7: the latest plan version goes to Support, conforming or not; one pending plan review per version. */
    @CommandHandler
    public void handle(SharePlanWithSupportCommand command) {
        require(command.planReviewId(), "planReviewId");
        if (latestPlanVersion == 0) {
            throw new RuleViolationException("requires-plan", "Submit a plan before you share it with Support");
        }
        if (pendingPlanReviews.containsKey(command.planReviewId())
                || completedPlanReviews.contains(command.planReviewId())) {
            throw new RuleViolationException("plan-review-already-exists",
                    "Plan review " + command.planReviewId() + " already exists on engagement " + engagementId);
        }
        if (pendingPlanReviews.containsValue(latestPlanVersion)) {
            throw new RuleViolationException("plan-review-already-pending",
                    "Plan version " + latestPlanVersion + " is already with Support for review");
        }
        apply(new PlanSharedWithSupportEvent(engagementId, command.planReviewId(), latestPlanVersion,
                customerOrganisation, csm, referenceSize, latestPlanDocumentUrl, !latestPlanDeviates,
                latestDeviations));
    }

    /** C7: Support's feedback on a shared plan version becomes part of the case's history. */
    @CommandHandler
    public void handle(RecordPlanReviewOutcomeCommand command) {
        Integer sharedVersion = pendingPlanReviews.get(command.planReviewId());
        if (sharedVersion == null) {
            throw new RuleViolationException("no-such-pending-plan-review",
                    "No plan review " + command.planReviewId() + " is pending on engagement " + engagementId);
        }
        if (sharedVersion != command.planVersion()) {
            throw new IllegalArgumentException("planVersion: plan review " + command.planReviewId()
                    + " is of plan version " + sharedVersion + ", not " + command.planVersion());
        }
        apply(new PlanReviewCompletedEvent(engagementId, command.planReviewId(), command.planVersion(),
                command.feedback() == null ? List.of() : List.copyOf(command.feedback()), command.summary(),
                command.reviewer(), command.reviewerRole()));
    }

    /** The deviation is accepted once a to h hold for the latest plan and Support's verdict allows it. */
    private void acceptDeviationWhenComplete() {
        if (deviationProcess.complete() && deviationAcceptedFor != latestPlanVersion) {
            apply(new DeviationAcceptedEvent(engagementId, latestPlanVersion, supportVerdict));
        }
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
        customerOrganisation = event.customerOrganisation();
        csm = event.csm();
    }

    @EventSourcingHandler
    void on(ReferenceArchitectureMatchedEvent event) {
        referenceSize = event.size();
    }

    @EventSourcingHandler
    void on(RequirementsRecordedEvent event, @org.axonframework.eventhandling.Timestamp java.time.Instant at) {
        if (planningStarted == null) {
            planningStarted = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        }
    }

    @EventSourcingHandler
    void on(ProfessionalServicesRecommendedEvent event) {
        professionalServicesRecommended = event.strength();
    }

    @EventSourcingHandler
    void on(TimelineRiskFlaggedEvent event) {
        timelineRiskFlaggedFor = event.targetCompletionDate();
    }

    @EventSourcingHandler
    void on(ProfessionalServicesEngagedEvent event) {
        professionalServicesEngaged = true;
    }

    @EventSourcingHandler
    void on(ProfessionalServicesDeclinedEvent event) {
        professionalServicesDeclined = true;
    }

    @EventSourcingHandler
    void on(PlanSubmittedEvent event) {
        latestPlanVersion = event.planVersion();
        deviationProcess = DeviationProcess.startingOn(event.planVersion());
        latestPlanDocumentUrl = event.planDocumentUrl();
        latestPerformance = null;
    }

    @EventSourcingHandler
    void on(PlanSharedWithSupportEvent event) {
        pendingPlanReviews.put(event.planReviewId(), event.planVersion());
    }

    @EventSourcingHandler
    void on(PlanReviewCompletedEvent event) {
        pendingPlanReviews.remove(event.planReviewId());
        completedPlanReviews.add(event.planReviewId());
    }

    @EventSourcingHandler
    void on(ArchitectureConformsEvent event) {
        latestPlanDeviates = false;
        latestDeviations = List.of();
    }

    @EventSourcingHandler
    void on(ArchitectureDeviationDetectedEvent event) {
        latestPlanDeviates = true;
        latestDeviations = event.deviations();
    }

    @EventSourcingHandler
    void on(MigrationStartedEvent event) {
        migrationStarted = true;
    }

    @EventSourcingHandler
    void on(MigrationCompletedEvent event) {
        migrationCompleted = true;
    }

    @EventSourcingHandler
    void on(EngagementClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(InternalAssistanceRequestedEvent event) {
        openAssistanceRequests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(InternalAssistanceAnsweredEvent event) {
        openAssistanceRequests.remove(event.requestId());
        answeredAssistanceRequests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(ReferenceArchitectureReviewedEvent event) {
        deviationProcess = deviationProcess.with(Step.REFERENCE_ARCHITECTURE_REVIEWED, event.planVersion());
    }

    @EventSourcingHandler
    void on(RevisionDiscussedEvent event) {
        deviationProcess = deviationProcess.withRevisionDiscussed(event.outcome(), event.planVersion());
    }

    @EventSourcingHandler
    void on(DeviationJustifiedEvent event) {
        deviationProcess = deviationProcess.with(Step.DEVIATION_JUSTIFIED, event.planVersion());
    }

    @EventSourcingHandler
    void on(ExpectationsSetEvent event) {
        deviationProcess = deviationProcess.with(Step.EXPECTATIONS_SET, event.planVersion());
    }

    @EventSourcingHandler
    void on(PerformanceComparedEvent event) {
        deviationProcess = deviationProcess.with(Step.PERFORMANCE_COMPARED, event.planVersion());
        latestPerformance = PerformanceOutcome.of(event);
    }

    @EventSourcingHandler
    void on(FutureAdoptionAdvisedEvent event) {
        deviationProcess = deviationProcess.with(Step.FUTURE_ADOPTION_ADVISED, event.planVersion());
    }

    @EventSourcingHandler
    void on(DocumentationRecordedEvent event) {
        deviationProcess = deviationProcess.with(Step.DOCUMENTATION_RECORDED, event.planVersion());
    }

    @EventSourcingHandler
    void on(DocumentationSharedWithSupportEvent event) {
        deviationProcess = deviationProcess.with(Step.DOCUMENTATION_SHARED_WITH_SUPPORT, event.planVersion());
    }

    @EventSourcingHandler
    void on(DeviationAcceptedEvent event) {
        deviationAcceptedFor = event.planVersion();
    }

    @EventSourcingHandler
    void on(SupportReviewRequestedEvent event) {
        pendingReviewId = event.reviewId();
        pendingReviewPlanVersion = event.planVersion();
        deviationProcess = deviationProcess.with(Step.SUPPORT_REVIEW_REQUESTED, event.planVersion());
    }

    @EventSourcingHandler
    void on(SupportReviewOutcomeReceivedEvent event) {
        pendingReviewId = null;
        supportVerdict = event.verdict();
        if (event.verdict() != SupportVerdict.NOT_SUPPORTABLE) {
            deviationProcess = deviationProcess.with(Step.SUPPORTABLE_VERDICT_RECEIVED, event.planVersion());
        }
    }

    /**
     * Records a refusal an auditor wants to see, and answers the exception to throw: the command
     * bus keeps the refusal event (and only it), the sender still gets the refusal. Call it before
     * applying anything else in the handler.
     */
    private RecordedRuleViolationException refuseAndRecord(Object command, String rule, String reason) {
        apply(new EngagementCommandRefusedEvent(engagementId, command.getClass().getSimpleName(), rule, reason));
        return new RecordedRuleViolationException(rule, reason);
    }

    private void requireDeviatingPlan(String action) {
        if (latestPlanVersion == 0) {
            throw new RuleViolationException("requires-plan", "Submit a plan before you " + action);
        }
        if (!latestPlanDeviates) {
            throw new RuleViolationException("requires-deviating-plan",
                    "Plan version " + latestPlanVersion + " conforms to the reference architecture; only a deviating plan needs you to " + action);
        }
    }

    private void requireRecommendation() {
        if (professionalServicesRecommended == null) {
            throw new RuleViolationException("requires-requirements",
                    "Record the customer's requirements first: Professional Services are recommended on that basis");
        }
    }

    private void requireNotYet(Step done, String rule, String step) {
        if (deviationProcess.isDone(done)) {
            throw new RuleViolationException(rule, step + " is already recorded for plan version " + latestPlanVersion);
        }
    }
}
