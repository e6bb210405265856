package com.upgradecoordination.platform.personaldata;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One personal-data field sealed for the store and read back (JMH), with its person's key cached as
 * in a running service: the CPU each stored actor or contact costs on every append, and on every
 * read of its event (loads, replays, the relay, rebuilds). The keys' table is the platform's own
 * migration on an in-memory H2, read only when the benchmark sets up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PersonalDataCipherBenchmark {

    PersonalDataCipher cipher;
    String sealed;

    @Setup
    public void setUp() {
        DriverManagerDataSource keysDatabase = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(keysDatabase).locations("classpath:db/platform").load().migrate();
        cipher = new PersonalDataCipher(new PersonalDataKeys(JdbcClient.create(keysDatabase),
                new DataSourceTransactionManager(keysDatabase), Clock.systemUTC(), Duration.ofDays(1)));
        sealed = cipher.encrypt("casey.csm");
    }

    @Benchmark
    public String encryptField() {
        return cipher.encrypt("casey.csm");
    }

    @Benchmark
    public String decryptField() {
        return cipher.decrypt(sealed);
    }
}
