package com.upgradecoordination.devsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster in a process tree of its own, made with {@code initdb} in a
 * directory of the caller's choosing and started and stopped with {@code pg_ctl}, so a test may
 * restart the database server mid-load (every connection dropped) without touching any other
 * server on the machine.
 *
 * <p>PostgreSQL refuses to run as root: when the JVM runs as root, every command runs as the
 * {@code postgres} system user ({@code runuser -u postgres --}) and the directory is handed to that
 * user (and, should that user not reach the directory, the cluster goes under the system's temporary
 * directory instead). The binaries are taken from {@code PG_BIN}, else the newest {@code /usr/lib/postgresql/<n>/bin},
 * else the {@code PATH}. Trust authentication on loopback, user {@code postgres}.
 */
public final class PostgresCluster implements AutoCloseable {

    private final Path directory;
    private final Path data;
    private final int port;
    private final Path bin;
    private final boolean asPostgresUser;

    private PostgresCluster(Path directory, int port) {
        this.directory = directory.toAbsolutePath();
        this.data = this.directory.resolve("data");
        this.port = port;
        this.bin = binaries();
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /**
     * Makes a new cluster in {@code directory} (removing what was there) on a free port, and starts it.
     */
    public static PostgresCluster create(Path directory) {
        PostgresCluster cluster = new PostgresCluster(reachableByPostgres(directory.toAbsolutePath()), KraftBroker.freePort());
        cluster.initialise();
        cluster.start(Duration.ofSeconds(60));
        return cluster;
    }

    /**
     * The directory, or, when the JVM runs as root and the {@code postgres} user cannot reach it (a
     * checkout under {@code /root}, say), one under the system's temporary directory instead.
     */
    private static Path reachableByPostgres(Path directory) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return directory;
        }
        Path parent = directory.getParent();
        try {
            Files.createDirectories(parent);
            Process probe = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", parent.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return directory;
            }
            return Path.of(System.getProperty("java.io.tmpdir"), "postgres-cluster-"
                    + Integer.toHexString(directory.toString().hashCode()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void initialise() {
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            if (asPostgresUser) {
                run(Duration.ofSeconds(30), false, "chown", "postgres:", directory.toString());
            }
            run(Duration.ofSeconds(120), true, bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            // sized for a handful of services with their pools, and fast to restart
            Files.writeString(data.resolve("postgresql.auto.conf"), """
                    listen_addresses = '127.0.0.1'
                    port = %d
                    unix_socket_directories = '%s'
                    max_connections = 200
                    shared_buffers = 128MB
                    fsync = on
                    synchronous_commit = on
                    """.formatted(port, directory), StandardCharsets.UTF_8);
            if (asPostgresUser) {
                run(Duration.ofSeconds(30), false, "chown", "-R", "postgres:", directory.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    public void start(Duration within) {
        run(within.plusSeconds(5), true, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", directory.resolve("postgres.log").toString(), "-w", "-t", Long.toString(within.toSeconds()),
                "start");
    }

    /**
     * Stops the server at once ({@code pg_ctl stop -m immediate}): every connection is dropped and
     * nothing is shut down cleanly, so the next start recovers from the write-ahead log, as after a
     * crash.
     */
    public void stopImmediately() {
        run(Duration.ofSeconds(60), true, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-m", "immediate", "-w", "stop");
    }

    /** Stops the server cleanly ({@code -m fast}: open transactions are rolled back, connections closed). */
    public void stop() {
        run(Duration.ofSeconds(60), true, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-m", "fast", "-w", "stop");
    }

    public boolean isRunning() {
        return run(Duration.ofSeconds(30), true, false, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "status") == 0;
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database and answers its coordinates (user postgres, no password). */
    public TestPostgres.Database createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new TestPostgres.Database(url(name), "postgres", "");
    }

    public Path directory() {
        return directory;
    }

    /** Stops the server if it runs and removes its directory. */
    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stop();
        }
        deleteRecursively(directory);
    }

    private void run(Duration within, boolean asPostgres, String... command) {
        int exit = run(within, asPostgres, true, command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see "
                    + directory.resolve("pg_ctl.out") + " and " + directory.resolve("postgres.log"));
        }
    }

    private int run(Duration within, boolean asPostgres, boolean logged, String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            File out = directory.resolve("pg_ctl.out").toFile();
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.redirectOutput(logged && out.getParentFile().isDirectory()
                    ? ProcessBuilder.Redirect.appendTo(out) : ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not end within " + within);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(v -> parseOrZero(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"))
                        .orElse(null);
                if (newest != null) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "pg_ctl"))) {
                return Path.of(directory);
            }
        }
        throw new IllegalStateException("""
                No PostgreSQL server binaries (initdb, pg_ctl) for a private cluster: set PG_BIN to their \
                directory, or install PostgreSQL (Debian: apt-get install postgresql).""");
    }

    private static int parseOrZero(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
