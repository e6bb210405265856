package com.upgradecoordination.review.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateVersions;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import com.upgradecoordination.platform.web.RequestAudit;
import com.upgradecoordination.review.api.CompleteSupportReviewCommand;
import com.upgradecoordination.review.readmodel.SupportReviewStatus;
import com.upgradecoordination.review.readmodel.SupportReviewSummary;
import com.upgradecoordination.review.readmodel.SupportReviewSummaryProjection;
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

/** Architecture support reviews over HTTP: Support's queue, a review's state and history, and its completion. */
@RestController
@RequestMapping("/support-reviews")
public class SupportReviewController {

    private final CommandDispatcher commands;
    private final SupportReviewSummaryProjection summaries;
    private final AggregateHistory history;
    private final AggregateVersions versions;

    public SupportReviewController(CommandDispatcher commands, SupportReviewSummaryProjection summaries,
                                   AggregateHistory history, AggregateVersions versions) {
        this.commands = commands;
        this.summaries = summaries;
        this.history = history;
        this.versions = versions;
    }

    /** The reviewer is whoever sends the request; the domain decides whether their role may complete it. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{reviewId}/completion")
    public Mono<ResponseEntity<Void>> complete(@PathVariable String reviewId,
                                               @Valid @RequestBody SupportReviewRequests.Completion body,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) List<String> ifMatch,
            ServerWebExchange exchange) {
        List<String> recommendations = body.recommendations() == null ? List.of() : body.recommendations();
        Long expectedVersion = IfMatch.parse(ifMatch);
        return RequestAudit.actorOf(exchange)
                .map(reviewer -> new CompleteSupportReviewCommand(reviewId, body.verdict(), recommendations,
                        reviewer.principal(), reviewer.role(), expectedVersion))
                .flatMap(command -> commands.send(command, exchange))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @GetMapping
    public Mono<List<SupportReviewSummary>> list(@RequestParam(required = false) SupportReviewStatus status) {
        return Mono.fromCallable(() -> summaries.list(status)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The review with its version as ETag (send it back as If-Match on its completion). */
    @GetMapping("/{reviewId}")
    public Mono<SupportReviewSummary> get(@PathVariable String reviewId, ServerWebExchange exchange) {
        return versions.withETag(reviewId, exchange, () -> summaries.find(reviewId)
                .orElseThrow(() -> new AggregateNotFoundException(reviewId, "no such support review")));
    }

    @GetMapping("/{reviewId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String reviewId) {
        return Mono.fromCallable(() -> {
            List<HistoryEntry> entries = history.of(reviewId);
            if (entries.isEmpty()) {
                throw new AggregateNotFoundException(reviewId, "no such support review");
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
