package com.upgradecoordination.platform.personaldata;

import com.upgradecoordination.devsupport.EmbeddedH2;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

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
        DataSource keysDatabase = EmbeddedH2.migrated("classpath:db/platform");
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
