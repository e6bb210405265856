package com.upgradecoordination.devsupport;

import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2 as the local run embeds it: in PostgreSQL mode, so the services' migrations and SQL run
 * unchanged. The local run and the tests that check the SQL on H2 take their URLs from here, so
 * both use the same settings.
 */
public final class EmbeddedH2 {

    /** Lower-case names and nulls sorted last, as PostgreSQL does. */
    private static final String POSTGRESQL_COMPATIBLE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private EmbeddedH2() {
    }

    /** A database kept in files under {@code directory}, as the local run keeps each service's. */
    public static String fileUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("db") + POSTGRESQL_COMPATIBLE;
    }

    /** A fresh in-memory database, kept until the JVM ends, with the given Flyway migrations applied. */
    public static DataSource migrated(String... migrationLocations) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + POSTGRESQL_COMPATIBLE + ";DB_CLOSE_DELAY=-1");
        if (migrationLocations.length > 0) {
            Flyway.configure().dataSource(dataSource).locations(migrationLocations).load().migrate();
        }
        return dataSource;
    }
}
