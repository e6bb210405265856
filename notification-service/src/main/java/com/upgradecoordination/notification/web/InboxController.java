package com.upgradecoordination.notification.web;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.notification.domain.Notification;
import com.upgradecoordination.notification.readmodel.InboxEntry;
import com.upgradecoordination.notification.readmodel.InboxProjection;
import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.platform.web.RequestAudit;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The INBOX channel over HTTP: a recipient's notifications, and marking one read. */
@RestController
@RequestMapping("/inbox")
public class InboxController {

    private final InboxProjection inbox;

    public InboxController(InboxProjection inbox) {
        this.inbox = inbox;
    }

    /** The newest {@value InboxProjection#PAGE_SIZE} notifications of {@code recipient}, newest first. */
    @GetMapping("/{recipient}")
    public Mono<List<InboxEntry>> inboxOf(@PathVariable String recipient, ServerWebExchange exchange) {
        String validRecipient = validRecipient(recipient);
        return RequestAudit.actorOf(exchange)
                .doOnNext(reader -> requireOwnInbox(reader, validRecipient, true))
                .flatMap(reader -> Mono.fromCallable(() -> inbox.inboxOf(validRecipient))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{recipient}/{notificationId}/read")
    public Mono<ResponseEntity<Void>> markRead(@PathVariable String recipient, @PathVariable String notificationId,
                                               ServerWebExchange exchange) {
        String validRecipient = validRecipient(recipient);
        String validId = validNotificationId(notificationId);
        return RequestAudit.actorOf(exchange)
                .doOnNext(reader -> requireOwnInbox(reader, validRecipient, false))
                .flatMap(reader -> Mono.fromCallable(() -> {
                    if (!inbox.markRead(validRecipient, validId)) {
                        throw new AggregateNotFoundException(validId,
                                "no such notification in the inbox of " + validRecipient);
                    }
                    return ResponseEntity.noContent().<Void>build();
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** A recipient reads and marks only their own inbox; auditors may read every inbox. */
    private static void requireOwnInbox(Actor reader, String recipient, boolean reading) {
        boolean auditorReading = reading && Roles.AUDITOR.equals(reader.role());
        if (!auditorReading && !reader.principal().equals(recipient)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The inbox of " + recipient + " is not yours to " + (reading ? "read" : "change"));
        }
    }

    static String validRecipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient: required");
        }
        if (recipient.length() > Notification.MAX_RECIPIENT_LENGTH) {
            throw new IllegalArgumentException("recipient: at most " + Notification.MAX_RECIPIENT_LENGTH + " characters");
        }
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
