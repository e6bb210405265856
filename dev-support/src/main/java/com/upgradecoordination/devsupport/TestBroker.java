package com.upgradecoordination.devsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one Kafka broker of a test JVM, which all of a module's component tests share: started on
 * free ports on first use, stopped (and its log directory removed) when the JVM exits.
 *
 * <p>The test classes do not share state through it that matters to them: each gets a fresh
 * database from {@link ServiceTestSettings}, and the Spring TestContext framework pauses the
 * application context of one test class (its listeners leave their consumer groups, its relay
 * stops) before it starts the next one's. A test that has to take the broker away and bring it
 * back starts its own with {@link KraftBroker#onFreePorts()}.
 */
public final class TestBroker {

    private final KraftBroker broker;

    private TestBroker(KraftBroker broker) {
        this.broker = broker;
    }

    /** The broker of this JVM, started if this is the first call. */
    public static TestBroker shared() {
        return Holder.SHARED;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Started when first asked for (class initialisation is thread-safe and happens once). */
    private static final class Holder {

        static final TestBroker SHARED = start();

        private static TestBroker start() {
            KraftBroker broker = KraftBroker.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                deleteQuietly(broker.dataDirectory());
            }, "test-broker-shutdown"));
            return new TestBroker(broker);
        }

        private static void deleteQuietly(Path directory) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // a temporary directory: whatever is left, the system cleans up
            }
        }
    }
}
