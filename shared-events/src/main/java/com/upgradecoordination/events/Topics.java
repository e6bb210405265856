package com.upgradecoordination.events;

/** One topic per producing service (SPEC K1). Records are keyed by case id so a case keeps its order. */
public final class Topics {

    public static final String COORDINATION = "upgrade.coordination.events";
    public static final String REVIEW = "upgrade.review.events";
    public static final String NOTIFICATION = "upgrade.notification.events";

    private Topics() {
    }
}
