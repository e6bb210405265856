package com.upgradecoordination.notification.domain;

import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.coordination.ArchitectureDeviationDetected;
import com.upgradecoordination.events.coordination.DeviationJustified;
import com.upgradecoordination.events.coordination.PlanSubmitted;
import com.upgradecoordination.events.coordination.SupportReviewRequested;
import com.upgradecoordination.events.review.SupportReviewCompleted;
import com.upgradecoordination.notification.api.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Who is told about which event, and in what words (SPEC N1): the rule table.
 *
 * <p>A template's {@code {name}} is filled from a case fact ({@code caseId}, {@code customer},
 * {@code csm}) or else from the event payload's field of that name. Events without a rule cause
 * no notification.
 */
public final class NotificationRules {

    /** The role a recipient is chosen by; resolved to a person per case. */
    public enum RecipientRole { CSM }

    /** One line of the table: an event of this contract tells the recipient of this role this message. */
    public record Rule(Class<? extends Record> contract, RecipientRole recipient, String template) {

        public Rule {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(template, "template");
        }

        /** The contract's type name, as in the envelope. */
        public String eventType() {
            return IntegrationEventCatalog.contractOf(contract).type();
        }
    }

    /** The standard table. */
    public static final NotificationRules STANDARD = new NotificationRules(List.of(
            new Rule(PlanSubmitted.class, RecipientRole.CSM,
                    "Plan v{planVersion} of {customer} was submitted and is being compared with the "
                            + "{referenceSize} reference architecture"),
            new Rule(ArchitectureDeviationDetected.class, RecipientRole.CSM,
                    "Plan v{planVersion} of {customer} deviates from the {referenceSize} reference architecture"),
            new Rule(DeviationJustified.class, RecipientRole.CSM,
                    "The deviation of plan v{planVersion} of {customer} was justified ({reasonCategory})"),
            new Rule(SupportReviewRequested.class, RecipientRole.CSM,
                    "Support was asked to review plan v{planVersion} of {customer}"),
            new Rule(SupportReviewCompleted.class, RecipientRole.CSM,
                    "Support's verdict on plan v{planVersion}: {verdict}")));

    /** Every notification goes to these channels for now. */
    public static final List<Channel> CHANNELS = List.of(Channel.INBOX);

    /** The names a template can use besides the payload's fields. */
    public static final Set<String> CASE_FACTS = Set.of("caseId", "customer", "csm");

    static final String UNKNOWN = "unknown";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final List<Rule> rules;

    public NotificationRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A notification the rules ask for. */
    public record Notice(RecipientRole role, String recipient, Channel channel, String message) {
    }

    /**
     * What an event causes.
     *
     * @param notices    the notifications to send
     * @param unresolved the rules that applied but whose recipient is not known for the case
     */
    public record Decision(List<Notice> notices, List<Rule> unresolved) {
    }

    public Decision decide(String eventType, JsonNode payload, CaseFacts facts) {
        List<Notice> notices = new ArrayList<>();
        List<Rule> unresolved = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.eventType().equals(eventType)) {
                continue;
            }
            String recipient = recipient(rule.recipient(), payload, facts);
            if (recipient == null) {
                unresolved.add(rule);
                continue;
            }
            String message = render(rule.template(), payload, facts);
            for (Channel channel : CHANNELS) {
                notices.add(new Notice(rule.recipient(), recipient, channel, message));
            }
        }
        return new Decision(List.copyOf(notices), List.copyOf(unresolved));
    }

    /** The person in {@code role} on the case: from the case facts, else from the payload; null when neither knows. */
    static String recipient(RecipientRole role, JsonNode payload, CaseFacts facts) {
        if (role == RecipientRole.CSM) {
            return firstPresent(facts.csm(), text(payload, "csm"));
        }
        throw new IllegalStateException("no recipient resolution for " + role);
    }

    /** Fills the template's placeholders; a value neither the case nor the payload knows reads "unknown". */
    public static String render(String template, JsonNode payload, CaseFacts facts) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder message = new StringBuilder();
        while (placeholder.find()) {
            String value = valueOf(placeholder.group(1), payload, facts);
            placeholder.appendReplacement(message, Matcher.quoteReplacement(value == null ? UNKNOWN : value));
        }
        placeholder.appendTail(message);
        if (message.length() > Notification.MAX_MESSAGE_LENGTH) {
            message.setLength(Notification.MAX_MESSAGE_LENGTH - 1);
            message.append('…');
        }
        return message.toString();
    }

    /** The placeholder names of a template, in order. */
    public static List<String> placeholders(String template) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        List<String> names = new ArrayList<>();
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private static String valueOf(String name, JsonNode payload, CaseFacts facts) {
        if (name.equals("caseId")) {
            return facts.caseId();
        }
        if (name.equals("customer")) {
            return firstPresent(facts.customerOrganisation(), text(payload, "customerOrganisation"));
        }
        if (name.equals("csm")) {
            return recipient(RecipientRole.CSM, payload, facts);
        }
        return text(payload, name);
    }

    /** A scalar payload field as text; null when absent, null or not a scalar. */
    private static String text(JsonNode payload, String field) {
        if (payload == null) {
            return null;
        }
        JsonNode value = payload.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text;
    }

    private static String firstPresent(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second;
    }
}
