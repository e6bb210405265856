package com.upgradecoordination.review.web;

import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateReads;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import com.upgradecoordination.review.api.AssignPlanReviewCommand;
import com.upgradecoordination.review.api.CompletePlanReviewCommand;
import com.upgradecoordination.review.api.GivePlanReviewFeedbackCommand;
import com.upgradecoordination.review.readmodel.PlanReviewPage;
import com.upgradecoordination.review.readmodel.PlanReviewStatus;
import com.upgradecoordination.review.readmodel.PlanReviewSummary;
import com.upgradecoordination.review.readmodel.PlanReviewSummaryProjection;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
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

    private static final String NOT_FOUND = "no such plan review";

    private final CommandDispatcher commands;
    private final PlanReviewSummaryProjection summaries;
    private final AggregateReads reads;

    public PlanReviewController(CommandDispatcher commands, PlanReviewSummaryProjection summaries,
                                AggregateReads reads) {
        this.commands = commands;
        this.summaries = summaries;
        this.reads = reads;
    }

    /** The caller takes the review. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/assignment")
    public Mono<ResponseEntity<Void>> assignPlanReview(@PathVariable String planReviewId, IfMatch ifMatch) {
        Long expectedVersion = ifMatch.version();
        return commands.sendAs(engineer -> new AssignPlanReviewCommand(planReviewId, engineer.principal(),
                engineer.role(), expectedVersion)).then(Answers.noContent());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/feedback")
    public Mono<ResponseEntity<Void>> givePlanReviewFeedback(@PathVariable String planReviewId,
                                                   @Valid @RequestBody PlanReviewRequests.PlanReviewFeedback body,
                                                   IfMatch ifMatch) {
        Long expectedVersion = ifMatch.version();
        return commands.sendAs(engineer -> new GivePlanReviewFeedbackCommand(planReviewId, body.topic(), body.text(),
                engineer.principal(), engineer.role(), expectedVersion)).then(Answers.noContent());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{planReviewId}/completion")
    public Mono<ResponseEntity<Void>> completePlanReview(@PathVariable String planReviewId,
                                               @Valid @RequestBody PlanReviewRequests.PlanReviewCompletion body,
                                               IfMatch ifMatch) {
        Long expectedVersion = ifMatch.version();
        boolean noConcerns = Boolean.TRUE.equals(body.noConcerns());
        return commands.sendAs(reviewer -> new CompletePlanReviewCommand(planReviewId, body.summary(), noConcerns,
                reviewer.principal(), reviewer.role(), expectedVersion)).then(Answers.noContent());
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
    public Mono<PlanReviewSummary> getPlanReview(@PathVariable String planReviewId) {
        return reads.withETag(planReviewId, () -> summaries.find(planReviewId), NOT_FOUND);
    }

    @GetMapping("/{planReviewId}/history")
    public Mono<List<HistoryEntry>> planReviewHistory(@PathVariable String planReviewId) {
        return reads.history(planReviewId, NOT_FOUND);
    }
}
