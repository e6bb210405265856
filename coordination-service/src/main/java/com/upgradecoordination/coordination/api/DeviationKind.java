package com.upgradecoordination.coordination.api;

/** How a proposed component differs from the reference (SPEC C5). */
public enum DeviationKind { MISSING, UNDERSIZED, OVERSIZED, EXTRA, UNSUPPORTED_PLACEMENT }
