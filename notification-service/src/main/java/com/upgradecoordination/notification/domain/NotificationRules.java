package com.upgradecoordination.notification.domain;

import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.notification.api.Channel;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is told about which event, on which channels and in what words (SPEC N1): the rule table.
 * The lines themselves are configuration ({@code notification.rules} in notification-service.yml);
 * a new rule is a new line, never a new class.
 *
 * <p>A template's {@code {name}} is filled from a case fact ({@code caseId}, {@code customer},
 * {@code csm}) or else from the event payload's field of that name. Events without a rule cause
 * no notification.
 */
public final class NotificationRules {

    /** The names a template can use besides the payload's fields. */
    public static final Set<String> CASE_FACTS = Set.of("caseId", "customer", "csm", "assignedEngineer");

    static final String UNKNOWN = "unknown";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /**
     * One line of the table: an event of type {@code event} whose payload matches {@code when}
     * tells the recipient in role {@code to} the rendered {@code message} on each of {@code channels}.
     *
     * @param when     payload field = value conditions, all of which must hold; empty for always
     * @param channels the channels this event is worth to the recipient; a channel the recipient
     *                 has no address for is left out when deciding (the inbox always has one)
     */
    public record Rule(String event, Map<String, String> when, RecipientRole to, List<Channel> channels,
                       String message) {

        public Rule {
            when = when == null ? Map.of() : Map.copyOf(when);
            channels = channels == null || channels.isEmpty() ? List.of(Channel.INBOX) : List.copyOf(channels);
        }

        boolean appliesTo(String eventType, PayloadFields payload) {
            if (!event.equals(eventType)) {
                return false;
            }
            return when.entrySet().stream()
                    .allMatch(condition -> condition.getValue().equals(payload.text(condition.getKey())));
        }

        /** "PlanSubmitted -> CSM" (with its conditions), for log lines and error messages. */
        public String describe() {
            return event + (when.isEmpty() ? "" : " " + new java.util.TreeMap<>(when)) + " -> " + to;
        }
    }

    private final List<Rule> rules;

    private NotificationRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The table, once every line has been checked against the integration-event catalog.
     *
     * @throws IllegalStateException naming every bad line: an event type no contract has, a
     *                               placeholder or condition field its contract lacks, a missing
     *                               recipient or message
     */
    public static NotificationRules of(List<Rule> rules) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            problems.addAll(problemsOf(i, rules.get(i)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The notification rule table (notification.rules) is invalid:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new NotificationRules(rules);
    }

    private static List<String> problemsOf(int index, Rule rule) {
        String line = "notification.rules[" + index + "]";
        List<String> problems = new ArrayList<>();
        if (rule.event() == null || rule.event().isBlank()) {
            return List.of(line + ": event is required");
        }
        if (rule.to() == null) {
            problems.add(line + " (" + rule.event() + "): to is required, one of " + Arrays.toString(RecipientRole.values()));
        }
        if (rule.message() == null || rule.message().isBlank()) {
            problems.add(line + " (" + rule.event() + "): message is required");
        }
        var contract = IntegrationEventCatalog.payloadTypeOf(rule.event());
        if (contract.isEmpty()) {
            problems.add(line + ": event type '" + rule.event() + "' is no integration-event contract; known types: "
                    + knownEventTypes());
            return problems;
        }
        Set<String> fields = fieldsOf(contract.get());
        if (rule.message() != null) {
            for (String name : placeholders(rule.message())) {
                if (!fields.contains(name) && !CASE_FACTS.contains(name)) {
                    problems.add(line + " (" + rule.event() + "): {" + name + "} is neither a case fact "
                            + CASE_FACTS + " nor a field of " + rule.event() + " " + fields);
                }
            }
        }
        for (String field : rule.when().keySet()) {
            if (!fields.contains(field)) {
                problems.add(line + " (" + rule.event() + "): condition on '" + field + "', which is no field of "
                        + rule.event() + " " + fields);
            }
        }
        return problems;
    }

    /** The field names of an integration-event contract, in declaration order. */
    public static Set<String> fieldsOf(Class<? extends Record> contract) {
        return Arrays.stream(contract.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> knownEventTypes() {
        return IntegrationEventCatalog.CONTRACTS.stream()
                .map(contract -> IntegrationEventCatalog.contractOf(contract).type())
                .collect(Collectors.toCollection(TreeSet::new));
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
     * @param notices    the notifications to send, one per (rule, channel)
     * @param unresolved the rules that applied but whose recipient is not known for the case
     */
    public record Decision(List<Notice> notices, List<Rule> unresolved) {
    }

    public Decision decide(String eventType, PayloadFields payload, CaseFacts facts) {
        List<Notice> notices = new ArrayList<>();
        List<Rule> unresolved = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.appliesTo(eventType, payload)) {
                continue;
            }
            String recipient = recipient(rule.to(), payload, facts);
            if (recipient == null) {
                unresolved.add(rule);
                continue;
            }
            String message = render(rule.message(), payload, facts);
            for (Channel channel : rule.channels()) {
                notices.add(new Notice(rule.to(), recipient, channel, message));
            }
        }
        return new Decision(List.copyOf(notices), List.copyOf(unresolved));
    }

    /** The recipient in {@code role} on the case; null when nobody knows who that is. */
    static String recipient(RecipientRole role, PayloadFields payload, CaseFacts facts) {
        if (role.team() != null) {
            return role.team();
        }
        if (role == RecipientRole.CSM) {
            return firstPresent(facts.csm(), payload.text("csm"));
        }
        if (role == RecipientRole.ASSIGNED_ENGINEER) {
            return facts.assignedEngineer();
        }
        return payload.text(role.payloadField());
    }

    /** Fills the template's placeholders; a value neither the case nor the payload knows reads "unknown". */
    public static String render(String template, PayloadFields payload, CaseFacts facts) {
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

    private static String valueOf(String name, PayloadFields payload, CaseFacts facts) {
        if (name.equals("caseId")) {
            return facts.caseId();
        }
        if (name.equals("customer")) {
            return firstPresent(facts.customerOrganisation(),
                    firstPresent(payload.text("customerOrganisation"), payload.text("organisation")));
        }
        if (name.equals("csm")) {
            return recipient(RecipientRole.CSM, payload, facts);
        }
        if (name.equals("assignedEngineer")) {
            return facts.assignedEngineer();
        }
        return payload.text(name);
    }

    private static String firstPresent(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second;
    }
}
