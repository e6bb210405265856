package com.upgradecoordination.notification.web;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.notification.api.SetRecipientAddressesCommand;
import com.upgradecoordination.notification.delivery.WebhookUrlTable;
import com.upgradecoordination.notification.domain.Recipient;
import com.upgradecoordination.notification.readmodel.RecipientDirectory;
import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import com.upgradecoordination.platform.web.RequestAudit;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where recipients are reached by email and webhook. A person sets their own addresses; a Support
 * manager sets anyone's, the teams' included. Addresses are checked when set; a webhook URL is
 * never shown again, only its host and fingerprint.
 */
@RestController
@RequestMapping("/recipients")
public class RecipientController {

    /**
     * The addresses to set; a field left out is removed.
     *
     * @param email      an email address
     * @param webhookUrl a Slack-compatible incoming webhook, http or https
     */
    public record Addresses(String email, String webhookUrl) {
    }

    /**
     * Where a recipient is reached. The webhook URL is a secret and is never answered once set:
     * only its host and fingerprint.
     *
     * @param email   null when none is set
     * @param webhook null when none is set
     */
    public record AddressesView(String recipient, String email, WebhookUrlTable.MaskedWebhook webhook) {
    }

    private final CommandDispatcher commands;
    private final RecipientDirectory directory;
    private final WebhookUrlTable webhookUrls;

    public RecipientController(CommandDispatcher commands, RecipientDirectory directory, WebhookUrlTable webhookUrls) {
        this.commands = commands;
        this.directory = directory;
        this.webhookUrls = webhookUrls;
    }

    @PutMapping("/{recipient}/addresses")
    public Mono<ResponseEntity<Void>> setAddresses(@PathVariable String recipient, @RequestBody Addresses body) {
        Recipient.validRecipient(recipient);
        return RequestAudit.actor()
                .doOnNext(caller -> requireOwnOrManager(caller, recipient, "change"))
                .flatMap(caller -> commands.send(new SetRecipientAddressesCommand(recipient, body.email(),
                        body.webhookUrl())))
                .then(Answers.noContent());
    }

    @GetMapping("/{recipient}/addresses")
    public Mono<AddressesView> addresses(@PathVariable String recipient) {
        Recipient.validRecipient(recipient);
        return RequestAudit.actor()
                .doOnNext(caller -> {
                    if (!Roles.AUDITOR.equals(caller.role())) {
                        requireOwnOrManager(caller, recipient, "read");
                    }
                })
                .flatMap(caller -> Mono.fromCallable(() -> {
                    AddressesView view = new AddressesView(recipient, directory.emailOf(recipient).orElse(null),
                            webhookUrls.maskedOf(recipient).orElse(null));
                    if (view.email() == null && view.webhook() == null) {
                        throw new AggregateNotFoundException(recipient, "no addresses set");
                    }
                    return view;
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    private static void requireOwnOrManager(Actor caller, String recipient, String action) {
        if (!Roles.SUPPORT_MANAGER.equals(caller.role()) && !caller.principal().equals(recipient)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The addresses of " + recipient + " are not yours to " + action);
        }
    }
}
