package com.upgradecoordination.coordination.api;

/** Support's verdict on a deviating architecture (SPEC C6f). */
public enum SupportVerdict { SUPPORTABLE, SUPPORTABLE_WITH_CHANGES, NOT_SUPPORTABLE }
