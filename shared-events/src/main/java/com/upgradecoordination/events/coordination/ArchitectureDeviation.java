package com.upgradecoordination.events.coordination;

/**
 * One difference between a proposed architecture and its reference architecture.
 *
 * @param kind MISSING, UNDERSIZED, OVERSIZED, EXTRA or UNSUPPORTED_PLACEMENT
 */
public record ArchitectureDeviation(String component, String expected, String proposed, String kind) {
}
