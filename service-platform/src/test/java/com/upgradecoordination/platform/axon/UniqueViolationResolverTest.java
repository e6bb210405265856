package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

class UniqueViolationResolverTest {

    final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void postgresqlsUniqueViolationInABatchIsADuplicateKey() {
        // as PgJDBC reports it: vendor code 0, SQL state 23505, as the next exception of the batch's
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505", 0);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", "23505", 0,
                new int[0], unique);
        batch.setNextException(unique);
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
        BatchUpdateException stateOnlyOnTheNext = new BatchUpdateException("aborted", null, 0, new int[0]);
        stateOnlyOnTheNext.setNextException(unique);
        assertThat(resolver.isDuplicateKeyViolation(stateOnlyOnTheNext)).isTrue();
    }

    @Test
    void otherDriversIntegrityExceptionIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("dup"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001", 0))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null", "23502", 0))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("other"))).isFalse();
    }
}
