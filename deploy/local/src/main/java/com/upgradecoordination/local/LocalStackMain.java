package com.upgradecoordination.local;

import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.platform.security.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs everything on one machine with nothing installed beyond a JDK: a Kafka broker in this
 * JVM, and the three services on embedded H2 databases (PostgreSQL mode). All state lives under
 * one folder ({@code LOCAL_DATA_DIR}, default {@code .local}) and survives a restart. Ctrl-C
 * stops everything.
 */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", ".local")).toAbsolutePath();
        Files.createDirectories(data);
        if (args.length > 0 && args[0].equals("token")) {
            printToken(LocalRun.issuer(data), args);
            return;
        }
        long started = System.nanoTime();
        LocalRun run;
        try {
            run = LocalRun.start(data, LocalRun.Ports.fromEnvironment());
        } catch (RuntimeException failure) {
            log.error("The local stack could not start", failure);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the services and the Kafka broker");
            run.close();
        }, "local-stack-stop"));

        StringBuilder summary = new StringBuilder("\n\nLocal stack is up in %.1f s (data in %s)\n"
                .formatted((System.nanoTime() - started) / 1e9, data));
        summary.append("  Kafka broker          ").append(run.broker().bootstrapServers()).append('\n');
        for (LocalStack.Service service : LocalStack.Service.values()) {
            summary.append("  %-21s http://127.0.0.1:%d  (health: /actuator/health)%n"
                    .formatted(service.serviceName(), run.port(service)));
        }
        summary.append("Tokens: ./deploy/local/token <principal> <ROLE> [ROLE ...]   (valid 8 hours)\n");
        summary.append("Press Ctrl-C to stop everything.\n");
        log.info(summary.toString());
        Thread.currentThread().join();
    }

    /** {@code token <principal> <ROLE> [ROLE ...]}: prints a bearer token the local services accept. */
    private static void printToken(DevTokenIssuer issuer, String[] args) {
        if (args.length < 3) {
            System.err.println("usage: token <principal> <ROLE> [ROLE ...]   roles: " + Roles.ALL);
            System.exit(2);
        }
        String[] roles = Arrays.copyOfRange(args, 2, args.length);
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                System.err.println("unknown role " + role + "; roles: " + Roles.ALL);
                System.exit(2);
            }
        }
        System.out.println(issuer.token(args[1], roles));
    }
}
