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
import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateVersions;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The engagement's commands and reads over HTTP. */
@RestController
@RequestMapping("/engagements")
public class EngagementController {

    private final CommandDispatcher commands;
    private final EngagementSummaryProjection summaries;
    private final AggregateHistory history;
    private final AggregateVersions versions;
    private final Set<String> referenceSizes;

    public EngagementController(CommandDispatcher commands, EngagementSummaryProjection summaries,
                                AggregateHistory history, AggregateVersions versions,
                                ReferenceArchitectureCatalog catalog) {
        this.commands = commands;
        this.summaries = summaries;
        this.history = history;
        this.versions = versions;
        this.referenceSizes = catalog.sizes().stream().map(ReferenceArchitecture::size).collect(Collectors.toSet());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public Mono<ResponseEntity<Map<String, String>>> open(@Valid @RequestBody EngagementRequests.OpenEngagement body,
                                                          ServerWebExchange exchange) {
        String engagementId = commands.newId(exchange);
        var command = new OpenEngagementCommand(engagementId, body.customerOrganisation(), body.csm(),
                body.reasons(), body.deploymentType());
        return commands.send(command, exchange)
                .then(Mono.fromSupplier(() -> ResponseEntity.created(URI.create("/engagements/" + engagementId))
                        .body(Map.of("engagementId", engagementId))));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/{engagementId}/requirements")
    public Mono<ResponseEntity<Void>> recordRequirements(@PathVariable String engagementId,
                                                         @Valid @RequestBody EngagementRequests.Requirements body,
                                                         @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
            ServerWebExchange exchange) {
        var command = new RecordRequirementsCommand(engagementId, body.currentUsers(), body.expectedUsers(),
                body.growthHorizonMonths(), body.peakRps(), body.highAvailability(), body.geo(),
                body.targetCompletionDate(), IfMatch.parse(ifMatch));
        return commands.send(command, exchange).then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/plans")
    public Mono<ResponseEntity<Map<String, Object>>> submitPlan(@PathVariable String engagementId,
                                                                @Valid @RequestBody EngagementRequests.Plan body,
                                                                @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
            ServerWebExchange exchange) {
        List<ProposedComponent> components = body.components().stream()
                .map(c -> new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), c.placement()))
                .toList();
        var command = new SubmitPlanCommand(engagementId, body.author(), components, body.migrationApproach(),
                body.rollbackApproach(), body.plannedWindowStart(), body.plannedWindowEnd(), body.planDocumentUrl(),
                IfMatch.parse(ifMatch));
        return commands.<Integer>send(command, exchange)
                .map(version -> ResponseEntity
                        .created(URI.create("/engagements/" + engagementId + "/plans/" + version))
                        .body(Map.of("engagementId", engagementId, "planVersion", version)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/deviation-justification")
    public Mono<ResponseEntity<Void>> justifyDeviation(@PathVariable String engagementId,
                                                       @Valid @RequestBody EngagementRequests.DeviationJustification body,
                                                       @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
            ServerWebExchange exchange) {
        var command = new JustifyDeviationCommand(engagementId, body.reasonCategory(), body.explanation(),
                IfMatch.parse(ifMatch));
        return commands.send(command, exchange).then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{engagementId}/support-review-requests")
    public Mono<ResponseEntity<Map<String, String>>> requestSupportReview(@PathVariable String engagementId,
                                                                          @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
            ServerWebExchange exchange) {
        String reviewId = commands.newId(exchange);
        var command = new RequestSupportReviewCommand(engagementId, reviewId, IfMatch.parse(ifMatch));
        return commands.send(command, exchange)
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted()
                        .body(Map.of("engagementId", engagementId, "reviewId", reviewId))));
    }

    /** C7: the latest plan version goes to Support for feedback; review-service opens a plan review under the answered id. */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{engagementId}/plan-reviews")
    public Mono<ResponseEntity<Map<String, String>>> sharePlanWithSupport(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        String planReviewId = commands.newId(exchange);
        var command = new SharePlanWithSupportCommand(engagementId, planReviewId, IfMatch.parse(ifMatch));
        return commands.send(command, exchange)
                .then(Mono.fromSupplier(() -> ResponseEntity.accepted()
                        .body(Map.of("engagementId", engagementId, "planReviewId", planReviewId))));
    }

    /** C8: the migration starts (a conforming plan, or an accepted deviation). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/migration/start")
    public Mono<ResponseEntity<Void>> startMigration(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new StartMigrationCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /** C8: a problem during the migration, routed to ProServ or (without ProServ) to Support. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/migration/problems")
    public Mono<ResponseEntity<Map<String, String>>> reportMigrationProblem(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.MigrationProblem body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        String problemId = commands.newId(exchange);
        var command = new ReportMigrationProblemCommand(engagementId, problemId, body.description(),
                IfMatch.parse(ifMatch));
        return commands.send(command, exchange)
                .then(Mono.fromSupplier(() -> ResponseEntity
                        .created(URI.create("/engagements/" + engagementId + "/migration/problems/" + problemId))
                        .body(Map.of("engagementId", engagementId, "problemId", problemId))));
    }

    /** C8: the migration is done. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/migration/completion")
    public Mono<ResponseEntity<Void>> completeMigration(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new CompleteMigrationCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /** C8: the engagement ends, completed or cancelled; its history stays. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/closing")
    public Mono<ResponseEntity<Void>> close(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.Closing body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new CloseEngagementCommand(engagementId, body.outcome(), body.notes(), IfMatch.parse(ifMatch)),
                exchange);
    }

    /** C4: a specific question to another team; the answer names the request. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{engagementId}/internal-assistance-requests")
    public Mono<ResponseEntity<Map<String, String>>> requestInternalAssistance(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.InternalAssistanceRequest body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        String requestId = commands.newId(exchange);
        var command = new RequestInternalAssistanceCommand(engagementId, requestId, body.team(), body.question(),
                IfMatch.parse(ifMatch));
        return commands.send(command, exchange)
                .then(Mono.fromSupplier(() -> ResponseEntity
                        .created(URI.create("/engagements/" + engagementId + "/internal-assistance-requests/" + requestId))
                        .body(Map.of("engagementId", engagementId, "requestId", requestId))));
    }

    /** C4: the other team's answer. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/internal-assistance-requests/{requestId}/answer")
    public Mono<ResponseEntity<Void>> answerInternalAssistance(
            @PathVariable String engagementId, @PathVariable String requestId,
            @Valid @RequestBody EngagementRequests.InternalAssistanceAnswer body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new AnswerInternalAssistanceCommand(engagementId, requestId, body.answer(), IfMatch.parse(ifMatch)),
                exchange);
    }

    /** C3: the customer engages Professional Services. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/professional-services/engagement")
    public Mono<ResponseEntity<Void>> engageProfessionalServices(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new EngageProfessionalServicesCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /** C3: the customer declines Professional Services; the plan must then come from the customer. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/professional-services/declination")
    public Mono<ResponseEntity<Void>> declineProfessionalServices(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.ProfessionalServicesDeclined body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new DeclineProfessionalServicesCommand(engagementId, body.reason(), IfMatch.parse(ifMatch)),
                exchange);
    }

    /** C3: without ProServ, the CSM provides reference documentation (never a detailed plan). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/reference-documentation")
    public Mono<ResponseEntity<Void>> provideReferenceDocumentation(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.ReferenceDocumentation body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new ProvideReferenceDocumentationCommand(engagementId, body.links(), IfMatch.parse(ifMatch)),
                exchange);
    }

    /** C6a: the customer knows and has reviewed the reference architecture for their size. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/reference-architecture-review")
    public Mono<ResponseEntity<Void>> confirmReferenceArchitectureReviewed(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new ConfirmReferenceArchitectureReviewedCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /** C6b: how a revision towards the reference was discussed, and the outcome. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/revision-discussion")
    public Mono<ResponseEntity<Void>> recordRevisionDiscussion(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.RevisionDiscussion body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new RecordRevisionDiscussionCommand(engagementId, body.outcome(), body.notes(),
                IfMatch.parse(ifMatch)), exchange);
    }

    /** C6d: the customer was told performance and support may be affected. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/expectations")
    public Mono<ResponseEntity<Void>> setExpectations(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new SetExpectationsCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /**
     * C6e: the GitLab Performance Tool's own results file, judged for the engagement's size: against
     * GitLab's latest registered benchmark of that size, or against GPT's own thresholds where none is.
     */
    @PostMapping("/{engagementId}/performance-results")
    public Mono<Map<String, Object>> submitPerformanceResults(
            @PathVariable String engagementId, @RequestBody String gptResultsJson,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        var command = new SubmitPerformanceResultsCommand(engagementId, gptResultsJson, IfMatch.parse(ifMatch));
        return commands.<PerformanceComparisonResult>send(command, exchange)
                .map(comparison -> Map.of("engagementId", engagementId, "verdict", comparison.verdict(),
                        "comparison", comparison));
    }

    /** C6g: the customer may later be asked to adopt a reference architecture. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/future-adoption-advice")
    public Mono<ResponseEntity<Void>> adviseFutureAdoption(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new AdviseFutureAdoptionCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    /** C6h: where the deviation and its review are documented. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/documentation")
    public Mono<ResponseEntity<Void>> recordDocumentation(
            @PathVariable String engagementId, @Valid @RequestBody EngagementRequests.Documentation body,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new RecordDocumentationCommand(engagementId, body.location(), IfMatch.parse(ifMatch)), exchange);
    }

    /** C6h: the documentation's location was given to Support for its customer notes. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{engagementId}/documentation/shared-with-support")
    public Mono<ResponseEntity<Void>> shareDocumentationWithSupport(
            @PathVariable String engagementId,
            @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch, ServerWebExchange exchange) {
        return step(new ShareDocumentationWithSupportCommand(engagementId, IfMatch.parse(ifMatch)), exchange);
    }

    private Mono<ResponseEntity<Void>> step(Object command, ServerWebExchange exchange) {
        return commands.send(command, exchange).then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    /**
     * The engagement in full (current step, what is still required next, latest plan, deviation
     * steps, open questions, pending reviews) with its version as ETag (send it back as If-Match).
     */
    @GetMapping("/{engagementId}")
    public Mono<EngagementDetails> get(@PathVariable String engagementId, ServerWebExchange exchange) {
        return versions.withETag(engagementId, exchange, () -> summaries.details(engagementId)
                .orElseThrow(() -> new AggregateNotFoundException(engagementId, "no such engagement")));
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
        return Mono.fromCallable(() -> {
            List<HistoryEntry> entries = history.of(engagementId);
            if (entries.isEmpty()) {
                throw new AggregateNotFoundException(engagementId, "no such engagement");
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
