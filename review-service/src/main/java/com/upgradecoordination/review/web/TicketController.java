package com.upgradecoordination.review.web;

import com.upgradecoordination.platform.history.HistoryEntry;
import com.upgradecoordination.platform.web.AggregateReads;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.IfMatch;
import com.upgradecoordination.platform.web.QueryDates;
import com.upgradecoordination.review.api.AssignTicketCommand;
import com.upgradecoordination.review.api.CloseTicketCommand;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.HandOffTicketCommand;
import com.upgradecoordination.review.api.ProvideCustomerInformationCommand;
import com.upgradecoordination.review.api.ProvidePlanFeedbackCommand;
import com.upgradecoordination.review.api.RecommendPostponementCommand;
import com.upgradecoordination.review.api.RecordHandoffSyncCommand;
import com.upgradecoordination.review.api.RecordReviewCallHeldCommand;
import com.upgradecoordination.review.api.ReportUpgradeOutcomeCommand;
import com.upgradecoordination.review.api.RequestPairingCommand;
import com.upgradecoordination.review.api.RequestReviewCallCommand;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.api.RescheduleUpgradeCommand;
import com.upgradecoordination.review.api.ScheduleUpgradeCommand;
import com.upgradecoordination.review.api.SendReviewCallLinkCommand;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.readmodel.TicketQueueFilter;
import com.upgradecoordination.review.readmodel.TicketQueuePage;
import com.upgradecoordination.review.readmodel.TicketSummaryProjection;
import com.upgradecoordination.review.readmodel.TicketView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Support's Upgrade Assistance tickets over HTTP (SPEC T1-T10, T13): the request, one resource per
 * step of the workflow, one ticket in full, Support's queue and a ticket's history. Every command
 * answers 204 and takes the ticket's ETag as If-Match.
 */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    /** The furthest ahead {@code deadlineWithinHours} looks: 30 days. */
    static final int MAX_DEADLINE_HOURS = 720;

    private static final String NOT_FOUND = "no such ticket";

    private final CommandDispatcher commands;
    private final TicketSummaryProjection tickets;
    private final AggregateReads reads;
    private final Clock clock;

    public TicketController(CommandDispatcher commands, TicketSummaryProjection tickets, AggregateReads reads,
                            Clock clock) {
        this.commands = commands;
        this.tickets = tickets;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * T1, T3: files the request. The CSM follows it: the one named in the request, else the
     * engagement's or the organisation's CSM as coordination-service's engagements name them, which
     * the ticket looks up in its own transaction ({@code CsmDirectory}).
     */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public Mono<ResponseEntity<Map<String, String>>> request(@Valid @RequestBody TicketRequests.NewTicket body) {
        boolean namesCsm = body.csm() != null && !body.csm().isBlank();
        return commands.sendWithNewId(ticketId -> new RequestUpgradeAssistanceCommand(ticketId, body.form(),
                        body.organisation(), body.engagementId(), namesCsm ? body.csm() : null,
                        namesCsm ? CsmSource.REQUEST : null, body.details().toDetails()))
                .map(ticketId -> Answers.created("/tickets/" + ticketId, Map.of("ticketId", ticketId)));
    }

    /** T4: the customer's answer, the request's details as they now stand. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/customer-information")
    public Mono<ResponseEntity<Void>> provideInformation(@PathVariable String ticketId,
                                                         @Valid @RequestBody TicketRequests.Details body,
                                                         IfMatch ifMatch) {
        return commands.send(new ProvideCustomerInformationCommand(ticketId, body.toDetails(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** T2: the caller takes the ticket; nobody assigns it to someone else. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/assignment")
    public Mono<ResponseEntity<Void>> assign(@PathVariable String ticketId, IfMatch ifMatch) {
        Long expectedVersion = ifMatch.version();
        return commands.sendAs(engineer -> new AssignTicketCommand(ticketId, engineer.principal(), engineer.role(),
                expectedVersion)).then(Answers.noContent());
    }

    /** T5. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/pairing")
    public Mono<ResponseEntity<Void>> requestPairing(@PathVariable String ticketId,
                                                     @Valid @RequestBody TicketRequests.Pairing body, IfMatch ifMatch) {
        return commands.send(new RequestPairingCommand(ticketId, body.engineer(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** T6. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/plan-feedback")
    public Mono<ResponseEntity<Void>> providePlanFeedback(@PathVariable String ticketId,
                                                          @Valid @RequestBody TicketRequests.PlanFeedback body,
                                                          IfMatch ifMatch) {
        return commands.send(new ProvidePlanFeedbackCommand(ticketId, body.upgradePlanFeedback(),
                body.rollbackPlanFeedback(), ifMatch.version())).then(Answers.noContent());
    }

    /** T7: the customer asks for the 30-minute review call. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/review-call")
    public Mono<ResponseEntity<Void>> requestReviewCall(@PathVariable String ticketId, IfMatch ifMatch) {
        return commands.send(new RequestReviewCallCommand(ticketId, ifMatch.version())).then(Answers.noContent());
    }

    /** T7: the booking link goes out; under 2 days before the upgrade it is refused (409, recorded). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/review-call/link")
    public Mono<ResponseEntity<Void>> sendReviewCallLink(@PathVariable String ticketId, IfMatch ifMatch) {
        return commands.send(new SendReviewCallLinkCommand(ticketId, ifMatch.version())).then(Answers.noContent());
    }

    /** T7. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/review-call/held")
    public Mono<ResponseEntity<Void>> recordReviewCallHeld(@PathVariable String ticketId,
                                                           @Valid @RequestBody TicketRequests.ReviewCallHeld body,
                                                           IfMatch ifMatch) {
        return commands.send(new RecordReviewCallHeldCommand(ticketId, body.notes(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** T8: the sync with the engineer who takes over, recorded before the handoff. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/handoff-syncs")
    public Mono<ResponseEntity<Void>> recordHandoffSync(@PathVariable String ticketId,
                                                        @Valid @RequestBody TicketRequests.HandoffSync body,
                                                        IfMatch ifMatch) {
        return commands.send(new RecordHandoffSyncCommand(ticketId, body.engineer(), body.notes(), ifMatch.version()))
                .then(Answers.noContent());
    }

    /** T8: the caller (the assignee, or a Support Manager) hands the ticket off. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/handoff")
    public Mono<ResponseEntity<Void>> handOff(@PathVariable String ticketId,
                                              @Valid @RequestBody TicketRequests.Handoff body, IfMatch ifMatch) {
        Long expectedVersion = ifMatch.version();
        return commands.sendAs(caller -> new HandOffTicketCommand(ticketId, body.toEngineer(), caller.principal(),
                caller.role(), expectedVersion)).then(Answers.noContent());
    }

    /** T9: the customer scheduled the upgrade at the request's date and time; the ticket goes on hold. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/upgrade-schedule")
    public Mono<ResponseEntity<Void>> scheduleUpgrade(@PathVariable String ticketId, IfMatch ifMatch) {
        return commands.send(new ScheduleUpgradeCommand(ticketId, ifMatch.version())).then(Answers.noContent());
    }

    /** T10. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/upgrade-reschedule")
    public Mono<ResponseEntity<Void>> rescheduleUpgrade(@PathVariable String ticketId,
                                                        @Valid @RequestBody TicketRequests.Reschedule body,
                                                        IfMatch ifMatch) {
        return commands.send(new RescheduleUpgradeCommand(ticketId, body.upgradeDate(), body.upgradeTime(),
                body.upgradeTimezone(), ifMatch.version())).then(Answers.noContent());
    }

    /** T9. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/upgrade-outcome")
    public Mono<ResponseEntity<Void>> reportOutcome(@PathVariable String ticketId,
                                                    @Valid @RequestBody TicketRequests.Outcome body, IfMatch ifMatch) {
        return commands.send(new ReportUpgradeOutcomeCommand(ticketId, body.outcome(), body.notes(),
                ifMatch.version())).then(Answers.noContent());
    }

    /** T10. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/postponement-recommendation")
    public Mono<ResponseEntity<Void>> recommendPostponement(@PathVariable String ticketId,
                                                            @Valid @RequestBody TicketRequests.Postponement body,
                                                            IfMatch ifMatch) {
        return commands.send(new RecommendPostponementCommand(ticketId, body.reasons(), body.explanation(),
                ifMatch.version())).then(Answers.noContent());
    }

    /** A solved ticket closes for good. */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{ticketId}/closure")
    public Mono<ResponseEntity<Void>> close(@PathVariable String ticketId, IfMatch ifMatch) {
        return commands.send(new CloseTicketCommand(ticketId, ifMatch.version())).then(Answers.noContent());
    }

    /**
     * Support's queue, oldest first, paged.
     *
     * @param deadlineWithinHours only tickets with a pending deadline due within this many hours
     */
    @GetMapping
    public Mono<TicketQueuePage> queue(@RequestParam(required = false) TicketStatus status,
                                       @RequestParam(required = false) String assignee,
                                       @RequestParam(required = false) TicketForm form,
                                       @RequestParam(required = false) LocalDate upgradeFrom,
                                       @RequestParam(required = false) LocalDate upgradeTo,
                                       @RequestParam(required = false) Integer deadlineWithinHours,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        QueryDates.within("upgradeFrom", upgradeFrom);
        QueryDates.within("upgradeTo", upgradeTo);
        if (upgradeFrom != null && upgradeTo != null && upgradeTo.isBefore(upgradeFrom)) {
            throw new IllegalArgumentException("upgradeTo: on or after upgradeFrom");
        }
        if (deadlineWithinHours != null && (deadlineWithinHours < 1 || deadlineWithinHours > MAX_DEADLINE_HOURS)) {
            throw new IllegalArgumentException("deadlineWithinHours: 1 to " + MAX_DEADLINE_HOURS);
        }
        if (assignee != null && (assignee.isBlank() || assignee.length() > 200)) {
            throw new IllegalArgumentException("assignee: 1 to 200 characters");
        }
        var filter = new TicketQueueFilter(status, assignee, form, upgradeFrom, upgradeTo,
                deadlineWithinHours == null ? null : clock.instant().plus(Duration.ofHours(deadlineWithinHours)));
        return Mono.fromCallable(() -> tickets.queue(filter, page, size)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The ticket in full, with its version as ETag (send it back as If-Match on a command). */
    @GetMapping("/{ticketId}")
    public Mono<TicketView> get(@PathVariable String ticketId) {
        return reads.withETag(ticketId, () -> tickets.find(ticketId), NOT_FOUND);
    }

    @GetMapping("/{ticketId}/history")
    public Mono<List<HistoryEntry>> history(@PathVariable String ticketId) {
        return reads.history(ticketId, NOT_FOUND);
    }
}
