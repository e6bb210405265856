package com.upgradecoordination.platform.domain;

/**
 * A refusal an auditor wants to see (SPEC C9 with the mission's "record rejected decisions"): the
 * aggregate has already applied an event recording the refusal, and the command bus commits that
 * event instead of rolling it back. The caller still gets the refusal (HTTP 409), and nothing but
 * the refusal itself is stored: throw it before applying anything else in the same handler.
 */
public class RecordedRuleViolationException extends RuleViolationException {

    public RecordedRuleViolationException(String rule, String reason) {
        super(rule, reason);
    }
}
