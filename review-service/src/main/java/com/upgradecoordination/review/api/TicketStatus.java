package com.upgradecoordination.review.api;

/**
 * Where a ticket stands, in Support's (Zendesk's) vocabulary (SPEC T13): new, open, pending
 * (waiting on the customer), on-hold (waiting on an event: the scheduled upgrade), solved, closed.
 * A solved ticket can be reopened; closed is final.
 */
public enum TicketStatus {
    NEW("new"),
    OPEN("open"),
    PENDING("pending"),
    ON_HOLD("on-hold"),
    SOLVED("solved"),
    CLOSED("closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    /** The word Support uses, e.g. {@code on-hold}. */
    public String label() {
        return label;
    }
}
