package com.upgradecoordination.devsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Kafka broker ({@link KraftBroker}) in a JVM of its own, on fixed ports and a data directory
 * of the caller's choosing, so a test can SIGKILL it and start it again on the same log: what a
 * broker crash and its restart look like to the services. Its output goes to {@code broker.log} in
 * the data directory.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka" level="INFO"/>
              <logger name="org.apache.kafka" level="WARN"/>
              <logger name="state.change.logger" level="WARN"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private Process process;

    public BrokerProcess(Path dataDirectory, int port, int controllerPort) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on free loopback ports with its log in {@code dataDirectory}. */
    public static BrokerProcess onFreePorts(Path dataDirectory) {
        return new BrokerProcess(dataDirectory, KraftBroker.freePort(), KraftBroker.freePort());
    }

    /** Starts the broker process and waits until the broker answers; does nothing while it runs. */
    public synchronized BrokerProcess start(Duration within) {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            Path logback = dataDirectory.resolve("broker-logback.xml");
            Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xmx512m",
                    "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"),
                    KraftBroker.class.getName(),
                    dataDirectory.toString(), Integer.toString(port), Integer.toString(controllerPort));
            File log = dataDirectory.resolve("broker.log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the broker process", e);
        }
        awaitAnswering(within);
        return this;
    }

    private void awaitAnswering(Duration within) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker ended with " + process.exitValue()
                            + " while starting; see " + dataDirectory.resolve("broker.log"));
                }
                try {
                    return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                            .get(3, TimeUnit.SECONDS).isEmpty();
                } catch (ExecutionException | TimeoutException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException notAnswering) {
            kill();
            throw new IllegalStateException("The broker did not answer within " + within + "; see "
                    + dataDirectory.resolve("broker.log"));
        }
    }

    /** SIGKILL, as a crash: nothing is flushed or shut down. Waits until the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The broker process " + process.pid() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        kill();
    }
}
