package com.upgradecoordination.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service database made before a new platform migration existed (platform V1-V2 and the
 * service's V100 applied) must take the new platform migrations when the service is upgraded.
 */
class PlatformMigrationsTest {

    @TempDir
    Path earlier;

    @TempDir
    Path service;

    String url;

    @BeforeEach
    void databaseOfAnEarlierVersion() throws IOException {
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        copy("db/platform/V1__axon_event_store.sql", earlier);
        copy("db/platform/V2__processed_integration_events.sql", earlier);
        Files.writeString(service.resolve("V100__service_read_model.sql"), "CREATE TABLE service_read_model (id INT);");
        Flyway.configure().dataSource(url, "sa", "")
                .locations("filesystem:" + earlier, "filesystem:" + service).load().migrate();
    }

    @Test
    void newPlatformMigrationsApplyBelowTheServicesOwn() throws SQLException {
        Flyway upgraded = Flyway.configure().dataSource(url, "sa", "").outOfOrder(true)
                .locations("classpath:db/platform", "filesystem:" + service).load();

        upgraded.migrate();

        assertThat(upgraded.info().pending()).isEmpty();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(connection.getMetaData().getTables(null, null, "idempotency_key", null).next()).isTrue();
        }
    }

    @Test
    void withoutOutOfOrderTheUpgradeWouldBeRefused() {
        Flyway strict = Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/platform", "filesystem:" + service).load();

        assertThatThrownBy(strict::migrate).isInstanceOf(FlywayException.class);
    }

    private static void copy(String resource, Path directory) throws IOException {
        try (InputStream in = PlatformMigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, directory.resolve(Path.of(resource).getFileName()));
        }
    }
}
