package com.upgradecoordination.notification.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookRemovedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookSetEvent;
import com.upgradecoordination.notification.api.SetRecipientAddressesCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Where a recipient is reached besides the inbox (SPEC N2): a person by principal name, or a team
 * ({@code @support-upgrade-queue}, {@code @senior-reviewers}, {@code @proserv}). Addresses are
 * checked when they are set, so a delivery never starts from an address that cannot work.
 *
 * <p>A webhook URL is a secret: it goes to {@link WebhookUrls} (a plain table, in this command's
 * transaction), and the events record only its {@link WebhookFingerprint}, so an auditor sees that
 * and when it was set, changed or removed, never the URL. The email address is personal data.
 */
@Aggregate
public class Recipient {

    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_WEBHOOK_URL_LENGTH = 2000;

    /** A pragmatic check: one @, no spaces, a dot in the domain; the SMTP server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PERSON_OR_TEAM = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._@+-]*");

    @AggregateIdentifier
    private String recipient;
    private String email;
    private String webhookFingerprint;

    protected Recipient() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetRecipientAddressesCommand command, WebhookUrls webhookUrls) {
        validRecipient(command.recipient());
        validEmail(command.email());
        validWebhookUrl(command.webhookUrl());
        if (command.email() == null && command.webhookUrl() == null) {
            throw new IllegalArgumentException("email, webhookUrl: give at least one");
        }
        if (!Objects.equals(email, command.email())) {
            apply(new RecipientEmailChangedEvent(command.recipient(), command.email()));
        }
        String fingerprint = WebhookFingerprint.of(command.webhookUrl());
        if (Objects.equals(webhookFingerprint, fingerprint)) {
            return;
        }
        if (fingerprint == null) {
            webhookUrls.remove(command.recipient());
            apply(new RecipientWebhookRemovedEvent(command.recipient(), webhookFingerprint));
        } else {
            webhookUrls.store(command.recipient(), command.webhookUrl());
            apply(new RecipientWebhookSetEvent(command.recipient(), fingerprint, webhookFingerprint));
        }
    }

    @EventSourcingHandler
    void on(RecipientEmailChangedEvent event) {
        recipient = event.recipient();
        email = event.email();
    }

    @EventSourcingHandler
    void on(RecipientWebhookSetEvent event) {
        recipient = event.recipient();
        webhookFingerprint = event.fingerprint();
    }

    @EventSourcingHandler
    void on(RecipientWebhookRemovedEvent event) {
        webhookFingerprint = null;
    }

    /** A principal name or a team name ({@code @team}); at most {@link Notification#MAX_RECIPIENT_LENGTH} characters. */
    public static void validRecipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient: required");
        }
        if (recipient.length() > Notification.MAX_RECIPIENT_LENGTH) {
            throw new IllegalArgumentException("recipient: at most " + Notification.MAX_RECIPIENT_LENGTH + " characters");
        }
        if (!PERSON_OR_TEAM.matcher(recipient).matches()) {
            throw new IllegalArgumentException("recipient: a principal name or @team (letters, digits, . _ @ + -)");
        }
        if (recipient.startsWith("@") && RecipientRole.teamNamed(recipient).isEmpty()) {
            throw new IllegalArgumentException("recipient: no such team; teams are @support-upgrade-queue, "
                    + "@senior-reviewers and @proserv");
        }
    }

    static void validEmail(String email) {
        if (email == null) {
            return;
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email: not an email address (name@domain.tld, at most "
                    + MAX_EMAIL_LENGTH + " characters)");
        }
    }

    static void validWebhookUrl(String webhookUrl) {
        if (webhookUrl == null) {
            return;
        }
        String reason = "webhookUrl: must be an absolute http or https URL with a host, at most "
                + MAX_WEBHOOK_URL_LENGTH + " characters";
        if (webhookUrl.length() > MAX_WEBHOOK_URL_LENGTH) {
            throw new IllegalArgumentException(reason);
        }
        try {
            URI uri = new URI(webhookUrl);
            boolean httpScheme = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!httpScheme || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(reason);
            }
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(reason);
        }
    }
}
