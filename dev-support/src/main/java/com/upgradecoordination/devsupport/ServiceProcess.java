package com.upgradecoordination.devsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service in a JVM of its own, started from the test's classpath, for tests that kill a
 * process (SIGKILL) or run several instances of a service side by side. Its output goes to a log
 * file under {@code target/} (or the folder the system property {@code service.process.log.dir} names).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final File log;
    private final List<String> command;

    private ServiceProcess(String name, Process process, int port, File log, List<String> command) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /**
     * JVM options for a service a test starts and stops: C1 alone. Its start-up is mostly compiling,
     * and on two cores shared with the test's JVM (and other services) C2's recompilation roughly
     * doubles it; nothing a test checks depends on peak speed.
     */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Starts {@code mainClass} as service {@code serviceName} (its config file name) with
     * {@code settings} as command-line properties, on a free port, and waits until it is healthy.
     *
     * @param instance names the log file, e.g. {@code coordination-a}
     */
    public static ServiceProcess start(String instance, Class<?> mainClass, String serviceName,
                                       Map<String, String> settings, Duration within) {
        return start(instance, mainClass, serviceName, settings, within, KraftBroker.freePort());
    }

    /** As {@link #start(String, Class, String, Map, Duration)}, on the given port. */
    public static ServiceProcess start(String instance, Class<?> mainClass, String serviceName,
                                       Map<String, String> settings, Duration within, int port) {
        return start(instance, mainClass, serviceName, settings, within, port, List.of());
    }

    /** As {@link #start(String, Class, String, Map, Duration, int)}, with more JVM options. */
    public static ServiceProcess start(String instance, Class<?> mainClass, String serviceName,
                                       Map<String, String> settings, Duration within, int port,
                                       List<String> jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xmx384m"));
        options.addAll(jvmOptions);
        return start(instance, mainClass, serviceName, settings, within, port, options,
                System.getProperty("java.class.path"));
    }

    /**
     * As {@link #start(String, Class, String, Map, Duration, int, List)}, on the given class path
     * instead of the caller's (the service's own runtime class path, as its container image runs it),
     * and with the given JVM options alone: no heap size of ours hides how they size the JVM.
     */
    public static ServiceProcess start(String instance, Class<?> mainClass, String serviceName,
                                       Map<String, String> settings, Duration within, int port,
                                       List<String> jvmOptions, String classpath) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", classpath,
                mainClass.getName(),
                "--spring.config.name=" + serviceName,
                "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        return launch(instance, port, List.copyOf(command), within);
    }

    private static ServiceProcess launch(String instance, int port, List<String> command, Duration within) {
        try {
            File log = new File(System.getProperty("service.process.log.dir", "target"), "process-" + instance + ".log");
            log.getParentFile().mkdirs();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            ServiceProcess started = new ServiceProcess(instance, process, port, log, command);
            started.awaitHealthy(within);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + instance, e);
        }
    }

    /**
     * Starts the same service again, with the same settings on the same port (its log goes on in
     * the same file), once this process has ended: after {@link #kill()}, as an orchestrator would
     * restart a crashed instance.
     */
    public ServiceProcess restart(Duration within) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        return launch(name, port, command, within);
    }

    private void awaitHealthy(Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " ended with " + process.exitValue() + " while starting; see "
                            + log);
                }
                return healthy();
            });
        } catch (ConditionTimeoutException notHealthy) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
            throw new IllegalStateException(name + " was not healthy within " + within + "; see " + log);
        }
    }

    public boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end by itself (e.g. a fault-injection halt) and returns its exit code. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " is still running after " + within);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
