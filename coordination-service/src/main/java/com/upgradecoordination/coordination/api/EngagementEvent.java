package com.upgradecoordination.coordination.api;

/** Every event of an engagement names it; the engagement id is also the case id. */
public interface EngagementEvent {

    String engagementId();
}
