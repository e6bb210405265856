package com.upgradecoordination.platform.domain;

/**
 * A command broke a business rule and was refused; nothing changed. The message is the reason,
 * written for the person who sent the command. Domain code throws it; the HTTP edge answers 409.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String reason) {
        super(reason);
        this.rule = rule;
    }

    /** A stable, machine-readable name of the rule, e.g. {@code deviation-requires-deviating-plan}. */
    public String rule() {
        return rule;
    }
}
