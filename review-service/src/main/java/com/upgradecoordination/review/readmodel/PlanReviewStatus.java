package com.upgradecoordination.review.readmodel;

/** Where a plan review stands. */
public enum PlanReviewStatus { OPEN, COMPLETED }
