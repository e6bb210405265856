package com.upgradecoordination.platform.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.upgradecoordination.platform.audit.chain.ChainLink;
import java.util.List;

/**
 * A page of an aggregate's history.
 *
 * @param aggregateId      the aggregate
 * @param aggregateType    its type, from the event store
 * @param events           the events from the requested sequence on, in order
 * @param nextFromSequence where the next page starts; absent on the last page
 * @param chainHead        the last link of the aggregate's hash chain (its latest event), see /verify
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryPage(String aggregateId, String aggregateType, List<AuditedEvent> events,
                          Long nextFromSequence, ChainLink chainHead) {
}
