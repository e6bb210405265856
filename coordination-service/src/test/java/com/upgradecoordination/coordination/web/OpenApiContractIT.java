package com.upgradecoordination.coordination.web;

import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.OpenApiContract;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document coordination-service serves at /v3/api-docs (without a token) equals the committed
 * docs/openapi/coordination-service.json. Update the file after an intended API change with
 * {@code OPENAPI_UPDATE=true ./mvnw -B -ntp verify} (see docs/openapi/README.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=coordination-service")
class OpenApiContractIT {

    static final String SERVICE = "coordination-service";

    static final KraftBroker broker = KraftBroker.onFreePorts().start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.forService(SERVICE, broker.bootstrapServers())
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void servedDocumentEqualsTheCommittedOne() {
        String served = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        OpenApiContract.verify(SERVICE, served);
    }
}
