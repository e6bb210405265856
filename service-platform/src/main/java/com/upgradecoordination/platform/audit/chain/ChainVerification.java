package com.upgradecoordination.platform.audit.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What recomputing one aggregate's hash chain found.
 *
 * @param aggregateId     the stream verified
 * @param status          INTACT when every stored event matches its link and every link the one before it
 * @param linksChecked    links recomputed before the answer (all of them when intact)
 * @param head            the last link when intact: note its hash to notice a later rewrite of the whole chain
 * @param firstBrokenLink the first link that no longer holds, when broken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(String aggregateId, Status status, int linksChecked, ChainLink head,
                                BrokenLink firstBrokenLink) {

    public enum Status { INTACT, BROKEN }

    /** What no longer holds at a link. */
    public enum Problem {
        /** A stored column of the event changed since it was chained. */
        CONTENT_ALTERED,
        /** The chain has a link for an event the store no longer has: a deleted event. */
        EVENT_MISSING,
        /** The store has an event no link covers: written past the event store, or its link deleted. */
        EVENT_NOT_CHAINED,
        /** The event at this sequence is not the one chained there: events moved or replaced. */
        REORDERED_OR_REPLACED,
        /** The link itself was altered: its previous hash or its own hash no longer follows. */
        LINK_ALTERED
    }

    /**
     * @param sequence          the event's position in the aggregate's stream
     * @param eventId           the event the link (or the stored row) names
     * @param problem           what kind of break
     * @param detail            the break in words
     * @param expectedHash      the hash recomputed from what is stored now (content checks)
     * @param storedHash        the hash the link recorded when the event was written
     * @param differingColumns  the stored columns whose content no longer matches their digest
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BrokenLink(long sequence, String eventId, Problem problem, String detail, String expectedHash,
                             String storedHash, List<String> differingColumns) {
    }

    static ChainVerification intact(String aggregateId, int linksChecked, ChainLink head) {
        return new ChainVerification(aggregateId, Status.INTACT, linksChecked, head, null);
    }

    static ChainVerification broken(String aggregateId, int linksChecked, BrokenLink brokenLink) {
        return new ChainVerification(aggregateId, Status.BROKEN, linksChecked, null, brokenLink);
    }

    public boolean isIntact() {
        return status == Status.INTACT;
    }
}
