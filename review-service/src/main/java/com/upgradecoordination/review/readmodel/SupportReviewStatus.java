package com.upgradecoordination.review.readmodel;

/** Where an architecture support review stands. */
public enum SupportReviewStatus { OPEN, COMPLETED }
