package com.upgradecoordination.coordination.web;

import com.upgradecoordination.coordination.api.AdviseFutureAdoptionCommand;
import com.upgradecoordination.coordination.api.ConfirmReferenceArchitectureReviewedCommand;
import com.upgradecoordination.coordination.api.AnswerInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.CloseEngagementCommand;
import com.upgradecoordination.coordination.api.CompleteMigrationCommand;
import com.upgradecoordination.coordination.api.DeclineProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngageProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.JustifyDeviationCommand;
import com.upgradecoordination.coordination.api.ProvideReferenceDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordDocumentationCommand;
import com.upgradecoordination.coordination.api.RecordRevisionDiscussionCommand;
import com.upgradecoordination.coordination.api.SetExpectationsCommand;
import com.upgradecoordination.coordination.api.StartMigrationCommand;
import com.upgradecoordination.coordination.api.ShareDocumentationWithSupportCommand;
import com.upgradecoordination.coordination.api.SubmitPerformanceResultsCommand;
import com.upgradecoordination.coordination.api.OpenEngagementCommand;
import com.upgradecoordination.coordination.api.ProposedComponent;
import com.upgradecoordination.coordination.api.RecordRequirementsCommand;
import com.upgradecoordination.coordination.api.ReportMigrationProblemCommand;
import com.upgradecoordination.coordination.api.RequestInternalAssistanceCommand;
import com.upgradecoordination.coordination.api.RequestSupportReviewCommand;
import com.upgradecoordination.coordination.api.SharePlanWithSupportCommand;
import com.upgradecoordination.coordination.api.SubmitPlanCommand;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.coordination.readmodel.EngagementDetails;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.readmodel.EngagementFilter;
import com.upgradecoordination.coordination.readmodel.EngagementPage;
import com.upgradecoordination.coordination.readmodel.EngagementSummaryProjection;
import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateReads;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The engagement's commands and reads over HTTP. */
@RestController
@RequestMapping("/engagements")
public class EngagementController {

    private static final String NOT_FOUND = "no such engagement";

    private final CommandDispatcher commands;
    private final EngagementSummaryProjection summaries;
    private final AggregateReads reads;
    private final Set<String> referenceSizes;

    public EngagementController(CommandDispatcher commands, EngagementSummaryProjection summaries,
                                AggregateReads reads, ReferenceArchitectureCatalog catalog) {
        this.commands = commands;
        this.summaries = summaries;
        this.reads = reads;
        this.referenceSizes = catalog.sizes().stream().map(ReferenceArchitecture::size).collect(Collectors.toSet());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public Mono<ResponseEntity<Map<String, String>>> open(@Valid @RequestBody EngagementRequests.OpenEngagement body) {
        return commands.sendWithNewId(engagementId -> new OpenEngagementCommand(engagementId,
                        body.customerOrganisation(), body.csm(), body.reasons(), body.deploymentType()))
                .map(engagementId -> Answers.created("/engagements/" + engagementId,
                        Map.of("engagementId", engagementId)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/{engagementId}/requirements")
    public Mono<ResponseEntity<Void>> recordRequirements(@PathVariable String engagementId,
                                                         @Valid @RequestBody EngagementRequests.Requirements body,
                                                         IfMatch ifMatch) {
        return commands.send(new RecordRequirementsCommand(engagementId, body.currentUsers(), body.expectedUsers(),
                body.growthHorizonMonths(), body.peakRps(), body.highAvailability(), body.geo(),
                body.targetCompletionDate(), ifMatch.version())).then(Answers.noContent());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/plans")
    public Mono<ResponseEntity<Map<String, Object>>> submitPlan(@PathVariable String engagementId,
                                                                @Valid @RequestBody EngagementRequests.Plan body,
                                                                IfMatch ifMatch) {
        List<ProposedComponent> components = body.components().stream()
                .map(c -> new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), c.placement()))
                .toList();
        var command = new SubmitPlanCommand(engagementId, body.author(), components, body.migrationApproach(),
                body.rollbackApproach(), body.plannedWindowStart(), body.plannedWindowEnd(), body.planDocumentUrl(),
                ifMatch.version());
        return commands.<Integer>send(command)
                .map(version -> Answers.created("/engagements/" + engagementId + "/plans/" + version,
                        Map.of("engagementId", engagementId, "planVersion", version)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/deviation-justification")
    public Mono<ResponseEntity<Void>> justifyDeviation(@PathVariable String engagementId,
                                                       @Valid @RequestBody EngagementRequests.DeviationJustification body,
                                                       IfMatch ifMatch) {
        return commands.send(new JustifyDeviationCommand(engagementId, body.reasonCategory(), body.explanation(),
                ifMatch.version())).then(Answers.noContent());
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{engagementId}/support-review-requests")
    public Mono<ResponseEntity<Map<String, String>>> requestSupportReview(@PathVariable String engagementId,
                                                                          IfMatch ifMatch) {
        return commands.sendWithNewId(reviewId -> new RequestSupportReviewCommand(engagementId, reviewId,
                        ifMatch.version()))
                .map(reviewId -> Answers.accepted(Map.of("engagementId", engagementId, "reviewId", reviewId)));
    }

    /** C7: the latest plan version goes to Support for feedback; review-service opens a plan review under the answered id. */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{engagementId}/plan-reviews")
    public Mono<ResponseEntity<Map<String, String>>> sharePlanWithSupport(@PathVariable String engagementId,
                                                                          IfMatch ifMatch) {
        return commands.sendWithNewId(planReviewId -> new SharePlanWithSupportCommand(engagementId, planReviewId,
                        ifMatch.version()))
                .map(planReviewId -> Answers.accepted(Map.of("engagementId", engagementId,
                        "planReviewId", planReviewId)));
    }

    /** C8: the migration starts (a conforming plan, or an accepted deviation). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/migration/start")
    public Mono<ResponseEntity<Void>> startMigration(@PathVariable String engagementId, IfMatch ifMatch) {
        return commands.send(new StartMigrationCommand(engagementId, ifMatch.version())).then(Answers.noContent());
    }

    /** C8: a problem during the migration, routed to ProServ or (without ProServ) to Support. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/migration/problems")
    public Mono<ResponseEntity<Map<String, String>>> reportMigrationProblem(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.MigrationProblem body,
            IfMatch ifMatch) {
        return commands.sendWithNewId(problemId -> new ReportMigrationProblemCommand(engagementId, problemId,
                        body.description(), ifMatch.version()))
                .map(problemId -> Answers.created("/engagements/" + engagementId + "/migration/problems/" + problemId,
                        Map.of("engagementId", engagementId, "problemId", problemId)));
    }

    /** C8: the migration is done. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/migration/completion")
    public Mono<ResponseEntity<Void>> completeMigration(@PathVariable String engagementId, IfMatch ifMatch) {
        return commands.send(new CompleteMigrationCommand(engagementId, ifMatch.version())).then(Answers.noContent());
    }

    /** C8: the engagement ends, completed or cancelled; its history stays. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/closing")
    public Mono<ResponseEntity<Void>> close(@PathVariable String engagementId,
                                            @Valid @RequestBody EngagementRequests.Closing body, IfMatch ifMatch) {
        return commands.send(new CloseEngagementCommand(engagementId, body.outcome(), body.notes(),
                ifMatch.version())).then(Answers.noContent());
    }

    /** C4: a specific question to another team; the answer names the request. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/internal-assistance-requests")
    public Mono<ResponseEntity<Map<String, String>>> requestInternalAssistance(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.InternalAssistanceRequest body,
            IfMatch ifMatch) {
        return commands.sendWithNewId(requestId -> new RequestInternalAssistanceCommand(engagementId, requestId,
                        body.team(), body.question(), ifMatch.version()))
                .map(requestId -> Answers.created(
                        "/engagements/" + engagementId + "/internal-assistance-requests/" + requestId,
                        Map.of("engagementId", engagementId, "requestId", requestId)));
    }

    /** C4: the other team's answer. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/internal-assistance-requests/{requestId}/answer")
    public Mono<ResponseEntity<Void>> answerInternalAssistance(
            @PathVariable String engagementId, @PathVariable String requestId,
            @Valid @RequestBody EngagementRequests.InternalAssistanceAnswer body, IfMatch ifMatch) {
        return commands.send(new AnswerInternalAssistanceCommand(engagementId, requestId, body.answer(),
                ifMatch.version())).then(Answers.noContent());
    }

    /** C3: the customer engages Professional Services. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/professional-services/engagement")
    public Mono<ResponseEntity<Void>> engageProfessionalServices(@PathVariable String engagementId, IfMatch ifMatch) {
        return commands.send(new EngageProfessionalServicesCommand(engagementId, ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C3: the customer declines Professional Services; the plan must then come from the customer. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/professional-services/declination")
    public Mono<ResponseEntity<Void>> declineProfessionalServices(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.ProfessionalServicesDeclined body,
            IfMatch ifMatch) {
        return commands.send(new DeclineProfessionalServicesCommand(engagementId, body.reason(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C3: without ProServ, the CSM provides reference documentation (never a detailed plan). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/reference-documentation")
    public Mono<ResponseEntity<Void>> provideReferenceDocumentation(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.ReferenceDocumentation body,
            IfMatch ifMatch) {
        return commands.send(new ProvideReferenceDocumentationCommand(engagementId, body.links(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C6a: the customer knows and has reviewed the reference architecture for their size. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/reference-architecture-review")
    public Mono<ResponseEntity<Void>> confirmReferenceArchitectureReviewed(@PathVariable String engagementId,
                                                                            IfMatch ifMatch) {
        return commands.send(new ConfirmReferenceArchitectureReviewedCommand(engagementId, ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C6b: how a revision towards the reference was discussed, and the outcome. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/revision-discussion")
    public Mono<ResponseEntity<Void>> recordRevisionDiscussion(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.RevisionDiscussion body,
            IfMatch ifMatch) {
        return commands.send(new RecordRevisionDiscussionCommand(engagementId, body.outcome(), body.notes(),
                ifMatch.version())).then(Answers.noContent());
    }

    /** C6d: the customer was told performance and support may be affected. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/expectations")
    public Mono<ResponseEntity<Void>> setExpectations(@PathVariable String engagementId, IfMatch ifMatch) {
        return commands.send(new SetExpectationsCommand(engagementId, ifMatch.version())).then(Answers.noContent());
    }

    /**
     * C6e: the GitLab Performance Tool's own results file, judged for the engagement's size: against
     * GitLab's latest registered benchmark of that size, or against GPT's own thresholds where none is.
     */
    @PostMapping("/{engagementId}/performance-results")
    public Mono<Map<String, Object>> submitPerformanceResults(@PathVariable String engagementId,
                                                              @RequestBody String gptResultsJson, IfMatch ifMatch) {
        var command = new SubmitPerformanceResultsCommand(engagementId, gptResultsJson, ifMatch.version());
        return commands.<PerformanceComparisonResult>send(command)
                .map(comparison -> Map.of("engagementId", engagementId, "verdict", comparison.verdict(),
                        "comparison", comparison));
    }

    /** C6g: the customer may later be asked to adopt a reference architecture. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/future-adoption-advice")
    public Mono<ResponseEntity<Void>> adviseFutureAdoption(@PathVariable String engagementId, IfMatch ifMatch) {
        return commands.send(new AdviseFutureAdoptionCommand(engagementId, ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C6h: where the deviation and its review are documented. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/documentation")
    public Mono<ResponseEntity<Void>> recordDocumentation(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.Documentation body,
            IfMatch ifMatch) {
        return commands.send(new RecordDocumentationCommand(engagementId, body.location(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** C6h: the documentation's location was given to Support for its customer notes. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/documentation/shared-with-support")
    public Mono<ResponseEntity<Void>> shareDocumentationWithSupport(@PathVariable String engagementId,
                                                                     IfMatch ifMatch) {
        return commands.send(new ShareDocumentationWithSupportCommand(engagementId, ifMatch.version()))
                .then(Answers.noContent());
    }

    /**
     * The engagement in full (current step, what is still required next, latest plan, deviation
     * steps, open questions, pending reviews) with its version as ETag (send it back as If-Match).
     */
    @GetMapping("/{engagementId}")
    public Mono<EngagementDetails> get(@PathVariable String engagementId) {
        return reads.withETag(engagementId, () -> summaries.details(engagementId), NOT_FOUND);
    }

    /** Engagements, newest first, filtered and paged; unknown steps or sizes, bad dates and pages are 400. */
    @GetMapping
    public Mono<EngagementPage> list(
            @RequestParam(required = false) String csm,
            @RequestParam(required = false) String customerOrganisation,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String referenceSize,
            @RequestParam(required = false) String hasDeviation,
            @RequestParam(required = false) String targetDateFrom,
            @RequestParam(required = false) String targetDateTo,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer pageSize) {
        return Mono.fromCallable(() -> summaries.list(EngagementFilter.parse(csm, customerOrganisation, step,
                        referenceSize, hasDeviation, targetDateFrom, targetDateTo, page, pageSize, referenceSizes)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{engagementId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String engagementId) {
        return reads.history(engagementId, NOT_FOUND);
    }
}
