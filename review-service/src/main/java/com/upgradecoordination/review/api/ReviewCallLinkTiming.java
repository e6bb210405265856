package com.upgradecoordination.review.api;

/**
 * How long before the upgrade the review-call booking link went out (SPEC T7): at least 3 days is
 * in time, 2 to 3 days is accepted with a warning, under 2 days is too late.
 */
public enum ReviewCallLinkTiming { IN_TIME, LATE_WITH_WARNING, TOO_LATE }
