package com.upgradecoordination.coordination.api;

/** One difference between a proposed component and its reference; {@code expected}/{@code proposed} read "3x8/30". */
public record Deviation(String component, String expected, String proposed, DeviationKind kind) {
}
