package com.upgradecoordination.review.domain.upgrade;

/**
 * How Support words an instance condition to the customer.
 *
 * @param instancesWith completes "required for instances with ...", e.g. "multiple web nodes"
 * @param question      the question asked instead of assuming the answer
 */
public record ConditionWording(String instancesWith, String question) {
}
