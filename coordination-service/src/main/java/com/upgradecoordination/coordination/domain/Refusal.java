package com.upgradecoordination.coordination.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.EngagementCommandRefusedEvent;
import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.util.Optional;

/**
 * Why a business rule refuses a command. The engagement's policies answer one (or allow the
 * command: empty), in the way of ddd-by-examples' {@code PlacingOnHoldPolicy}; the command
 * handlers enforce them and never decide a rule themselves.
 *
 * @param rule     the stable, machine-readable name of the rule, as in the HTTP problem
 * @param reason   the reason, written for the person who sent the command
 * @param recorded an auditor wants to see this refusal: it is stored as an event (SPEC C9)
 */
public record Refusal(String rule, String reason, boolean recorded) {

    /** The command may go ahead. */
    public static Optional<Refusal> allow() {
        return Optional.empty();
    }

    /** Refused; nothing is stored. */
    public static Optional<Refusal> refuse(String rule, String reason) {
        return Optional.of(new Refusal(rule, reason, false));
    }

    /** Refused, and the refusal is stored as an {@link EngagementCommandRefusedEvent}. */
    public static Optional<Refusal> refuseAndRecord(String rule, String reason) {
        return Optional.of(new Refusal(rule, reason, true));
    }

    /**
     * Throws the refusal, if there is one. A recorded one is first applied as an event: the command
     * bus keeps that event (and only it) and the sender still gets the refusal, so enforce it
     * before applying anything else in the handler.
     */
    static void enforce(Optional<Refusal> verdict, String engagementId, Object command) {
        if (verdict.isEmpty()) {
            return;
        }
        Refusal refusal = verdict.get();
        if (!refusal.recorded()) {
            throw new RuleViolationException(refusal.rule(), refusal.reason());
        }
        apply(new EngagementCommandRefusedEvent(engagementId, command.getClass().getSimpleName(), refusal.rule(),
                refusal.reason()));
        throw new RecordedRuleViolationException(refusal.rule(), refusal.reason());
    }
}
