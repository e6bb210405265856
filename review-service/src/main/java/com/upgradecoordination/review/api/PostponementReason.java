package com.upgradecoordination.review.api;

/** Why Support recommends postponing a planned upgrade (SPEC T10); OTHER needs an explanation. */
public enum PostponementReason { POORLY_PLANNED, LIKELY_DOWNTIME, OTHER }
