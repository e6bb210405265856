package com.upgradecoordination.notification.web;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.notification.api.MarkNotificationReadCommand;
import com.upgradecoordination.notification.domain.Recipient;
import com.upgradecoordination.notification.domain.RecipientRole;
import com.upgradecoordination.notification.readmodel.InboxEntry;
import com.upgradecoordination.notification.readmodel.InboxFeed;
import com.upgradecoordination.notification.readmodel.InboxProjection;
import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.RequestAudit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The INBOX channel over HTTP: a recipient's notifications, their live stream, and marking one read.
 * A person's inbox is theirs alone; a team's inbox ({@code @proserv} ...) is its members'; auditors
 * read every inbox and change none.
 */
@RestController
@RequestMapping("/inbox")
public class InboxController {

    /** A comment line this often keeps proxies from closing an idle stream. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final InboxProjection inbox;
    private final InboxFeed feed;
    private final CommandDispatcher commands;

    public InboxController(InboxProjection inbox, InboxFeed feed, CommandDispatcher commands) {
        this.inbox = inbox;
        this.feed = feed;
        this.commands = commands;
    }

    /** The newest {@value InboxProjection#PAGE_SIZE} notifications of {@code recipient}, newest first. */
    @GetMapping("/{recipient}")
    public Mono<List<InboxEntry>> inboxOf(@PathVariable String recipient) {
        String validRecipient = validRecipient(recipient);
        return RequestAudit.actor()
                .doOnNext(reader -> requireOwnInbox(reader, validRecipient, true))
                .flatMap(reader -> Mono.fromCallable(() -> inbox.inboxOf(validRecipient))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Server-sent events: every notification arriving in the inbox from now on, as event
     * {@code notification} with the entry as data and its id as event id. It opens with a comment,
     * so the caller knows it is listening, and ends when the service stops.
     */
    @GetMapping(path = "/{recipient}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<InboxEntry>> stream(@PathVariable String recipient) {
        String validRecipient = validRecipient(recipient);
        return RequestAudit.actor()
                .doOnNext(reader -> requireOwnInbox(reader, validRecipient, true))
                .flatMapMany(reader -> Flux.merge(
                        // subscribed first, so nothing arriving while the stream opens is missed
                        feed.arrivalsFor(validRecipient).map(entry -> ServerSentEvent.builder(entry)
                                .id(entry.id()).event("notification").build()),
                        Mono.just(ServerSentEvent.<InboxEntry>builder().comment("inbox of " + validRecipient).build()),
                        Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<InboxEntry>builder()
                                .comment("keep-alive").build()).takeUntilOther(feed.stopped())));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{recipient}/{notificationId}/read")
    public Mono<ResponseEntity<Void>> markRead(@PathVariable String recipient, @PathVariable String notificationId) {
        String validRecipient = validRecipient(recipient);
        String validId = validNotificationId(notificationId);
        return RequestAudit.actor()
                .doOnNext(reader -> requireOwnInbox(reader, validRecipient, false))
                .flatMap(reader -> Mono.fromCallable(() -> {
                    if (!inbox.holds(validRecipient, validId)) {
                        throw new AggregateNotFoundException(validId,
                                "no such notification in the inbox of " + validRecipient);
                    }
                    return validId;
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(id -> commands.send(new MarkNotificationReadCommand(id, validRecipient)))
                .then(Answers.noContent());
    }

    /** A recipient reads and marks only their own inbox, or their team's; auditors may read every inbox. */
    private static void requireOwnInbox(Actor reader, String recipient, boolean reading) {
        boolean auditorReading = reading && Roles.AUDITOR.equals(reader.role());
        boolean teamMember = RecipientRole.teamNamed(recipient)
                .map(team -> team.memberRoles().contains(reader.role()))
                .orElse(false);
        if (!auditorReading && !teamMember && !reader.principal().equals(recipient)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The inbox of " + recipient + " is not yours to " + (reading ? "read" : "change"));
        }
    }

    static String validRecipient(String recipient) {
        Recipient.validRecipient(recipient);
        return recipient;
    }

    static String validNotificationId(String notificationId) {
        String canonical;
        try {
            canonical = UUID.fromString(notificationId).toString();
        } catch (IllegalArgumentException notAUuid) {
            canonical = null;
        }
        if (canonical == null || !canonical.equalsIgnoreCase(notificationId)) {
            throw new IllegalArgumentException("notificationId: not a notification id (a UUID)");
        }
        return canonical;
    }
}
