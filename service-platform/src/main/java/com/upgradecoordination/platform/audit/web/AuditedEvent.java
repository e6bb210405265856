package com.upgradecoordination.platform.audit.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.upgradecoordination.platform.audit.chain.ChainLink;
import com.upgradecoordination.platform.history.HistoryEntry;

/** One stored event with its hash-chain link (absent for an event the chain does not cover). */
public record AuditedEvent(@JsonUnwrapped HistoryEntry event, ChainLink link) {
}
