package com.upgradecoordination.review.api;

/** Zendesk's priorities; an Upgrade Assistance request is always HIGH (reference/support-facts.md). */
public enum TicketPriority { URGENT, HIGH, NORMAL, LOW }
