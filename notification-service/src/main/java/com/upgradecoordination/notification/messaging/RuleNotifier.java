package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.notification.api.Channel;
import com.upgradecoordination.notification.api.SendNotificationCommand;
import com.upgradecoordination.notification.delivery.WebhookUrlTable;
import com.upgradecoordination.notification.domain.CaseFacts;
import com.upgradecoordination.notification.domain.NotificationRules;
import com.upgradecoordination.notification.domain.RecipientRole;
import com.upgradecoordination.notification.readmodel.CaseDirectory;
import com.upgradecoordination.notification.readmodel.RecipientDirectory;
import com.upgradecoordination.notification.readmodel.TicketDirectory;
import com.upgradecoordination.platform.inbox.AuditedCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one path from an event to its notifications (SPEC N1, N4), for the other services' events and
 * this service's own reminders alike: the rule table decides who is told what, and one
 * {@link SendNotificationCommand} per (recipient, channel) is sent, with the id derived from
 * (event, recipient, channel). Email and webhook notifications go only to recipients with that
 * address set; a customer contact's name is their email address.
 */
@Component
public class RuleNotifier {

    private static final Logger log = LoggerFactory.getLogger(RuleNotifier.class);

    private final NotificationRules rules;
    private final CaseDirectory caseDirectory;
    private final TicketDirectory ticketDirectory;
    private final RecipientDirectory recipients;
    private final WebhookUrlTable webhookUrls;

    public RuleNotifier(NotificationRules rules, CaseDirectory caseDirectory, TicketDirectory ticketDirectory,
                        RecipientDirectory recipients, WebhookUrlTable webhookUrls) {
        this.rules = rules;
        this.caseDirectory = caseDirectory;
        this.ticketDirectory = ticketDirectory;
        this.recipients = recipients;
        this.webhookUrls = webhookUrls;
    }

    /**
     * Sends the notifications the rules ask for about one event.
     *
     * @param payload  the event's integration-event contract as JSON
     * @param commands sends the notifications with the event's audit metadata
     */
    public void notify(String caseId, String eventId, String eventType, JsonNode payload, AuditedCommands commands) {
        NotificationRules.Decision decision = rules.decide(eventType, JsonPayloadFields.of(payload), factsOf(caseId, payload));
        for (NotificationRules.Rule rule : decision.unresolved()) {
            log.info("No {} known for case {}: {} {} is not notified to them", rule.to(), caseId, eventType, eventId);
        }
        for (NotificationRules.Notice notice : decision.notices()) {
            String address = addressFor(notice);
            if (notice.channel() != Channel.INBOX && address == null) {
                // the role, not the recipient: a recipient's name may be an email address (personal data)
                log.debug("The {} of case {} has no {} address: {} {} reaches them on their other channels",
                        notice.role(), caseId, notice.channel(), eventType, eventId);
                continue;
            }
            var command = SendNotificationCommand.of(caseId, eventId, eventType, notice.recipient(), notice.channel(),
                    notice.channel() == Channel.EMAIL ? address : null,
                    notice.channel() == Channel.WEBHOOK ? address : null, notice.message());
            commands.send(command);
        }
    }

    /** The case directory's facts, completed by the ticket directory's for an event about a ticket. */
    private CaseFacts factsOf(String caseId, JsonNode payload) {
        CaseFacts known = caseDirectory.find(caseId).orElseGet(() -> CaseFacts.unknown(caseId));
        JsonNode ticketId = payload == null ? null : payload.get("ticketId");
        if (ticketId == null || !ticketId.isString()) {
            return known;
        }
        return ticketDirectory.find(ticketId.asString())
                .map(ticket -> new CaseFacts(caseId, known.csm() != null ? known.csm() : ticket.csm(),
                        known.customerOrganisation() != null ? known.customerOrganisation() : ticket.organisation(),
                        ticket.assignedEngineer()))
                .orElse(known);
    }

    /**
     * What the notification needs to name its address: the email address for EMAIL (a customer
     * contact's is their name), the webhook URL's fingerprint for WEBHOOK (the URL is a secret and
     * stays in its table); null for the inbox, and when the recipient has no such address.
     */
    private String addressFor(NotificationRules.Notice notice) {
        if (notice.channel() == Channel.EMAIL) {
            if (notice.role() == RecipientRole.CUSTOMER_CONTACT) {
                return notice.recipient();
            }
            return recipients.emailOf(notice.recipient()).orElse(null);
        }
        if (notice.channel() == Channel.WEBHOOK) {
            return webhookUrls.fingerprintOf(notice.recipient()).orElse(null);
        }
        return null;
    }
}
