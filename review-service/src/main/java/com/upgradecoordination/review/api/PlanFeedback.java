package com.upgradecoordination.review.api;

/**
 * One feedback item Support gave on a shared plan. Who gave it and when are the audit facts of the
 * event that recorded it.
 */
public record PlanFeedback(PlanFeedbackTopic topic, String text) {
}
