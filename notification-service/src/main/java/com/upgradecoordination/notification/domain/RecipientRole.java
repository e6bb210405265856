package com.upgradecoordination.notification.domain;

import com.upgradecoordination.platform.security.Roles;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whom a rule addresses (SPEC N1). A person role is resolved per case to a principal name; a team
 * role is one shared recipient, {@code @team-name}, whose inbox every member reads.
 */
public enum RecipientRole {

    /** The case's Customer Success Manager: the case directory's, else the payload's {@code csm}. */
    CSM(null, null, List.of()),
    /**
     * The Support engineer working the event's ticket: the ticket directory's (from
     * {@code TicketAssigned} and {@code TicketHandedOff}).
     */
    ASSIGNED_ENGINEER(null, null, List.of()),
    /**
     * The customer's contact: the payload's {@code contactEmail} (the request). The recipient's name
     * is that email address, which the EMAIL channel then uses.
     */
    CUSTOMER_CONTACT(null, "contactEmail", List.of()),
    SUPPORT_UPGRADE_QUEUE("@support-upgrade-queue", null,
            List.of(Roles.SUPPORT_ENGINEER, Roles.SENIOR_SUPPORT_ENGINEER, Roles.SUPPORT_MANAGER)),
    SENIOR_REVIEWERS("@senior-reviewers", null, List.of(Roles.SENIOR_SUPPORT_ENGINEER, Roles.SUPPORT_MANAGER)),
    PROSERV("@proserv", null, List.of(Roles.PROSERV));

    private final String team;
    private final String payloadField;
    private final List<String> memberRoles;

    RecipientRole(String team, String payloadField, List<String> memberRoles) {
        this.team = team;
        this.payloadField = payloadField;
        this.memberRoles = memberRoles;
    }

    /** The team's recipient name, e.g. {@code @proserv}; null for a person role. */
    public String team() {
        return team;
    }

    /** The payload field naming the person; null for teams, the CSM and the assigned engineer. */
    String payloadField() {
        return payloadField;
    }

    /** The acting roles whose holders read and mark the team's inbox; empty for a person role. */
    public List<String> memberRoles() {
        return memberRoles;
    }

    /** The team role a recipient name stands for, if it is a team's. */
    public static Optional<RecipientRole> teamNamed(String recipient) {
        return Arrays.stream(values()).filter(role -> role.team != null && role.team.equals(recipient)).findFirst();
    }
}
