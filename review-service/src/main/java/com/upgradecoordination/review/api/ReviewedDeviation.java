package com.upgradecoordination.review.api;

/**
 * One difference between the proposed architecture and its reference, as coordination-service
 * reported it; {@code expected}/{@code proposed} read "3x8/30".
 *
 * @param kind MISSING, UNDERSIZED, OVERSIZED, EXTRA or UNSUPPORTED_PLACEMENT (coordination-service's vocabulary)
 */
public record ReviewedDeviation(String component, String expected, String proposed, String kind) {
}
