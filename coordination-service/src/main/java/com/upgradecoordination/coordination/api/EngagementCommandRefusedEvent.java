package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/**
 * A command an auditor wants to see refused (e.g. a plan from ProServ after the customer declined
 * them): stored although the command changed nothing else.
 *
 * @param command the refused command's simple class name, e.g. {@code SubmitPlanCommand}
 * @param rule    the stable name of the broken rule, as in the HTTP problem's {@code rule}
 * @param reason  the reason the sender was given
 */
@Revision("1")
public record EngagementCommandRefusedEvent(String engagementId, String command, String rule, String reason)
        implements EngagementEvent {
}
