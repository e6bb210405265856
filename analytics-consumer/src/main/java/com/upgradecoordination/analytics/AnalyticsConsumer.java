package com.upgradecoordination.analytics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference analytics consumer (docs/kafka-contracts.md): reads the three topics from the beginning
 * and keeps the figures of {@link UpgradeFigures}.
 *
 * <pre>
 * analytics-consumer/run [--bootstrap-servers 127.0.0.1:9092] [--once] [--port 8090]
 * </pre>
 * {@code --once} reads up to the topics' ends, prints the figures as JSON and stops. Without it, it goes
 * on reading and serves the figures at {@code http://127.0.0.1:<port>/figures} until stopped.
 */
public final class AnalyticsConsumer {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AnalyticsConsumer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrapServers = "127.0.0.1:9092";
        boolean once = false;
        int port = 8090;
        Deque<String> arguments = new ArrayDeque<>(Arrays.asList(args));
        while (!arguments.isEmpty()) {
            String argument = arguments.pop();
            switch (argument) {
                case "--bootstrap-servers" -> bootstrapServers = valueOf(argument, arguments);
                case "--once" -> once = true;
                case "--port" -> port = Integer.parseInt(valueOf(argument, arguments));
                default -> {
                    System.err.println("usage: analytics-consumer [--bootstrap-servers host:port] [--once] [--port N]");
                    System.exit(2);
                }
            }
        }
        if (once) {
            System.out.println(JSON.writeValueAsString(figuresOf(bootstrapServers)));
            return;
        }
        follow(bootstrapServers, port, new UpgradeFigures());
    }

    /** The figures of everything on the three topics now, read from their beginning. */
    public static UpgradeFigures.Snapshot figuresOf(String bootstrapServers) {
        UpgradeFigures figures = new UpgradeFigures();
        try (TopicReader reader = new TopicReader(bootstrapServers)) {
            reader.readToEnd(figures::accept);
        }
        return figures.snapshot();
    }

    private static void follow(String bootstrapServers, int port, UpgradeFigures figures) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "analytics-consumer-shutdown"));
        try (FiguresServer server = new FiguresServer("127.0.0.1", port,
                () -> JSON.writeValueAsString(figures.snapshot()));
             TopicReader reader = new TopicReader(bootstrapServers)) {
            System.out.println("Reading " + String.join(", ", TopicReader.TOPICS) + " from " + bootstrapServers
                    + "; figures at http://127.0.0.1:" + server.port() + "/figures");
            reader.follow(figures::accept, running::get);
        } finally {
            stopped.countDown();
        }
    }

    private static String valueOf(String option, Deque<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.pop();
    }
}
