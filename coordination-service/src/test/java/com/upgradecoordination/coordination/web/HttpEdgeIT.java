package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP edge of a freshly started service, whose event store is still empty: the platform's
 * read-model endpoint answers. No test here stores an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class HttpEdgeIT {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @LocalServerPort
    int port;

    @Test
    void readModelsOfAnEmptyEventStoreAreAtZeroOfZero() {
        JsonNode all = TestClients.asAuditor(port).get().uri("/audit/read-models").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(all).isNotEmpty();
        List<String> groups = new ArrayList<>();
        all.forEach(model -> {
            groups.add(model.get("processingGroup").asString());
            assertThat(model.get("eventsTotal").asLong()).as("store head of %s", model).isZero();
            assertThat(model.get("eventsDone").asLong()).as("position of %s", model).isZero();
            assertThat(model.has("ratePerSecond")).as("rate of %s", model).isFalse();
        });
        assertThat(groups).contains("kafka-relay", "engagement-summary");

        JsonNode one = TestClients.asAuditor(port).get().uri("/audit/read-models/engagement-summary").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(one.get("eventsTotal").asLong()).isZero();
        assertThat(one.get("rebuildable").asBoolean()).isTrue();
    }
}
