package com.upgradecoordination.review.web;

import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateReads;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import com.upgradecoordination.review.api.CompleteSupportReviewCommand;
import com.upgradecoordination.review.readmodel.SupportReviewStatus;
import com.upgradecoordination.review.readmodel.SupportReviewSummary;
import com.upgradecoordination.review.readmodel.SupportReviewSummaryProjection;
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

/** Architecture support reviews over HTTP: Support's queue, a review's state and history, and its completion. */
@RestController
@RequestMapping("/support-reviews")
public class SupportReviewController {

    private static final String NOT_FOUND = "no such support review";

    private final CommandDispatcher commands;
    private final SupportReviewSummaryProjection summaries;
    private final AggregateReads reads;

    public SupportReviewController(CommandDispatcher commands, SupportReviewSummaryProjection summaries,
                                   AggregateReads reads) {
        this.commands = commands;
        this.summaries = summaries;
        this.reads = reads;
    }

    /** The reviewer is whoever sends the request; the domain decides whether their role may complete it. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{reviewId}/completion")
    public Mono<ResponseEntity<Void>> complete(@PathVariable String reviewId,
                                               @Valid @RequestBody SupportReviewRequests.Completion body,
                                               IfMatch ifMatch) {
        List<String> recommendations = body.recommendations() == null ? List.of() : body.recommendations();
        Long expectedVersion = ifMatch.version();
        return commands.sendAs(reviewer -> new CompleteSupportReviewCommand(reviewId, body.verdict(), recommendations,
                reviewer.principal(), reviewer.role(), expectedVersion)).then(Answers.noContent());
    }

    @GetMapping
    public Mono<List<SupportReviewSummary>> list(@RequestParam(required = false) SupportReviewStatus status) {
        return Mono.fromCallable(() -> summaries.list(status)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The review with its version as ETag (send it back as If-Match on its completion). */
    @GetMapping("/{reviewId}")
    public Mono<SupportReviewSummary> get(@PathVariable String reviewId) {
        return reads.withETag(reviewId, () -> summaries.find(reviewId), NOT_FOUND);
    }

    @GetMapping("/{reviewId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String reviewId) {
        return reads.history(reviewId, NOT_FOUND);
    }
}
