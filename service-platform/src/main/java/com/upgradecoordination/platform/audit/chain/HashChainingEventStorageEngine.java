package com.upgradecoordination.platform.audit.chain;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, which chains every event it appends in the same transaction: an
 * event is never stored without its link, nor a link without its event.
 */
public class HashChainingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final EventHashChain chain;
    private final CaseIds caseIds;

    public HashChainingEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                          EventHashChain chain, CaseIds caseIds) {
        super(builder);
        this.transactionManager = transactionManager;
        this.chain = chain;
        this.caseIds = caseIds;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // the store's own transaction handling joins this one
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain.link(events.stream().map(EventMessage::getIdentifier).toList(), caseIds.of(events));
        });
    }
}
