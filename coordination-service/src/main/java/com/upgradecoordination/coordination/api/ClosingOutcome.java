package com.upgradecoordination.coordination.api;

/** How an engagement ended (SPEC C8). */
public enum ClosingOutcome { COMPLETED, CANCELLED }
