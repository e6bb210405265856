package com.upgradecoordination.review.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateVersions;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import com.upgradecoordination.platform.web.RequestAudit;
import com.upgradecoordination.review.api.AssignPlanReviewCommand;
import com.upgradecoordination.review.api.CompletePlanReviewCommand;
import com.upgradecoordination.review.api.GivePlanReviewFeedbackCommand;
import com.upgradecoordination.review.readmodel.PlanReviewPage;
import com.upgradecoordination.review.readmodel.PlanReviewStatus;
import com.upgradecoordination.review.readmodel.PlanReviewSummary;
import com.upgradecoordination.review.readmodel.PlanReviewSummaryProjection;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Plan reviews over HTTP (SPEC C7, T11): Support's queue, a review's state and history, and the
 * commands of the review. The acting engineer is whoever sends the request; the domain decides
 * whether their role may act on plan reviews.
 */
@RestController
@RequestMapping("/plan-reviews")
public class PlanReviewController {

    private final CommandDispatcher commands;
    private final PlanReviewSummaryProjection summaries;
    private final AggregateHistory history;
    private final AggregateVersions versions;

    public PlanReviewController(CommandDispatcher commands, PlanReviewSummaryProjection summaries,
                                AggregateHistory history, AggregateVersions versions) {
        this.commands = commands;
        this.summaries = summaries;
        this.history = history;
        this.versions = versions;
    }

    /** The caller takes the review. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/assignment")
    public Mono<ResponseEntity<Void>> assignPlanReview(@PathVariable String planReviewId,
                                             @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
                                             ServerWebExchange exchange) {
        Long expectedVersion = IfMatch.parse(ifMatch);
        return RequestAudit.actorOf(exchange)
                .map(engineer -> new AssignPlanReviewCommand(planReviewId, engineer.principal(), engineer.role(),
                        expectedVersion))
                .flatMap(command -> commands.send(command, exchange))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/feedback")
    public Mono<ResponseEntity<Void>> givePlanReviewFeedback(@PathVariable String planReviewId,
                                                   @Valid @RequestBody PlanReviewRequests.PlanReviewFeedback body,
                                                   @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
                                                   ServerWebExchange exchange) {
        Long expectedVersion = IfMatch.parse(ifMatch);
        return RequestAudit.actorOf(exchange)
                .map(engineer -> new GivePlanReviewFeedbackCommand(planReviewId, body.topic(), body.text(),
                        engineer.principal(), engineer.role(), expectedVersion))
                .flatMap(command -> commands.send(command, exchange))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/completion")
    public Mono<ResponseEntity<Void>> completePlanReview(@PathVariable String planReviewId,
                                               @Valid @RequestBody PlanReviewRequests.PlanReviewCompletion body,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
                                               ServerWebExchange exchange) {
        Long expectedVersion = IfMatch.parse(ifMatch);
        boolean noConcerns = Boolean.TRUE.equals(body.noConcerns());
        return RequestAudit.actorOf(exchange)
                .map(reviewer -> new CompletePlanReviewCommand(planReviewId, body.summary(), noConcerns,
                        reviewer.principal(), reviewer.role(), expectedVersion))
                .flatMap(command -> commands.send(command, exchange))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    /** Support's queue, oldest opened first, one page at a time. */
    @GetMapping
    public Mono<PlanReviewPage> listPlanReviews(@RequestParam(required = false) PlanReviewStatus status,
                                     @RequestParam(required = false) String engagementId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "" + PlanReviewSummaryProjection.DEFAULT_PAGE_SIZE)
                                     int size) {
        return Mono.fromCallable(() -> summaries.page(status, engagementId, page, size))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The review with its feedback items and its version as ETag (send it back as If-Match). */
    @GetMapping("/{planReviewId}")
    public Mono<PlanReviewSummary> getPlanReview(@PathVariable String planReviewId, ServerWebExchange exchange) {
        return versions.withETag(planReviewId, exchange, () -> summaries.find(planReviewId)
                .orElseThrow(() -> new AggregateNotFoundException(planReviewId, "no such plan review")));
    }

    @GetMapping("/{planReviewId}/history")
    public Mono<List<HistoryEntry>> planReviewHistory(@PathVariable String planReviewId) {
        return Mono.fromCallable(() -> {
            List<HistoryEntry> entries = history.of(planReviewId);
            if (entries.isEmpty()) {
                throw new AggregateNotFoundException(planReviewId, "no such plan review");
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
