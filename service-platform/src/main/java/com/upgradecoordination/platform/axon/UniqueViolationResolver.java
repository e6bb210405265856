package com.upgradecoordination.platform.axon;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC event store that an append was refused because another process stored the same
 * aggregate sequence first, so it raises a {@code ConcurrencyException} (409) instead of an
 * {@code EventStoreException} (500). Axon's own resolvers miss PostgreSQL: its driver reports a
 * unique violation as a plain {@code PSQLException} with vendor code 0 and SQL state 23505 (inside a
 * {@code BatchUpdateException} for a batch), and the SQL state is the one thing both PostgreSQL and
 * the local run's H2 agree on. Within one JVM Axon's aggregate lock hides the race; it shows with two
 * instances on one database.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    /** SQL standard class 23 (integrity constraint violation), code 505: unique violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
