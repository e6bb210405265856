package com.upgradecoordination.local;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.notification.NotificationServiceApplication;
import com.upgradecoordination.review.ReviewServiceApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services in one JVM, each in its own Spring context with its own database and Reactor
 * Netty resources ({@link OwnReactorNettyResources}), talking to each other only through the given
 * Kafka broker. Used by the local run and the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    /** The services, in start order. */
    public enum Service {
        COORDINATION("coordination-service", CoordinationServiceApplication::application),
        REVIEW("review-service", ReviewServiceApplication::application),
        NOTIFICATION("notification-service", NotificationServiceApplication::application);

        private final String serviceName;
        private final Supplier<SpringApplicationBuilder> application;

        Service(String serviceName, Supplier<SpringApplicationBuilder> application) {
            this.serviceName = serviceName;
            this.application = application;
        }

        public String serviceName() {
            return serviceName;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

    private LocalStack() {
    }

    /**
     * Starts every service with its settings (any Spring property, e.g. the datasource and
     * server.port) pointed at {@code broker}.
     */
    public static LocalStack start(KraftBroker broker, Map<Service, Map<String, String>> settings) {
        LocalStack stack = new LocalStack();
        try {
            for (Service service : Service.values()) {
                Map<String, String> properties = new LinkedHashMap<>(settings.getOrDefault(service, Map.of()));
                properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
                // one logging system serves the whole JVM: thread names, not the first service's name, tell them apart
                properties.putIfAbsent("logging.include-application-name", "false");
                stack.contexts.put(service, service.application.get()
                        .sources(OwnReactorNettyResources.class)
                        .registerShutdownHook(false)
                        .run(asArguments(properties)));
            }
            return stack;
        } catch (RuntimeException failure) {
            stack.close();
            throw failure;
        }
    }

    public ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    public int port(Service service) {
        return Integer.parseInt(contexts.get(service).getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Stops the services in reverse start order. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(contexts.values());
        java.util.Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }

    /** Command-line arguments outrank the services' own configuration files. */
    private static String[] asArguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
