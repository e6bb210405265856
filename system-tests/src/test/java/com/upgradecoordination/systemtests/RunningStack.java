package com.upgradecoordination.systemtests;

import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestTokens;
import com.upgradecoordination.local.LocalStack;
import com.upgradecoordination.local.LocalStack.Service;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The three services on fresh PostgreSQL databases and one in-JVM broker, with HTTP clients for each. */
final class RunningStack implements AutoCloseable {

    final KraftBroker broker;
    final LocalStack stack;

    private RunningStack(KraftBroker broker, LocalStack stack) {
        this.broker = broker;
        this.stack = stack;
    }

    static RunningStack start() {
        KraftBroker broker = KraftBroker.onFreePorts().start();
        Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> properties = new LinkedHashMap<>(
                    ServiceTestSettings.forService(service.serviceName(), broker.bootstrapServers()));
            properties.put("server.port", "0");
            settings.put(service, properties);
        }
        return new RunningStack(broker, LocalStack.start(broker, settings));
    }

    WebTestClient client(Service service) {
        // a Prometheus scrape grows with every route and status the stack has answered: read it whole, as Prometheus does
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.port(service))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A client that acts as the given person in the given role. */
    WebTestClient as(Service service, String principal, String role) {
        return client(service).mutate()
                .defaultHeaders(TestTokens.bearer(principal, role))
                .defaultHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Override
    public void close() {
        stack.close();
        broker.stop();
    }
}
