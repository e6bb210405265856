package com.upgradecoordination.devsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

/**
 * The test of each service's {@code OpenApiContractIT}: the OpenAPI document the service serves at
 * {@code /v3/api-docs} (without a token) equals its committed copy {@code docs/openapi/<service>.json}
 * ({@link OpenApiContract}). Update the file after an intended API change with
 * {@value OpenApiContract#UPDATE_COMMAND} (see docs/openapi/README.md).
 */
public abstract class OpenApiContractCheck extends ServiceHttpTest {

    /** The service the subclass started, by the {@code spring.config.name} it started it with. */
    @Value("${spring.config.name}")
    String serviceName;

    @Test
    void servedDocumentEqualsTheCommittedOne() {
        OpenApiContract.verifyServedDocument(serviceName, port);
    }

    /** The Kafka contracts are served beside it, as shared-events ships them, and nothing else of the class path. */
    @Test
    void theKafkaContractsAreServedBesideIt() throws IOException {
        String shipped = new String(new ClassPathResource("asyncapi.yaml").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        anonymous.get().uri("/v3/asyncapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/yaml")
                .expectBody(String.class).isEqualTo(shipped);
        anonymous.get().uri("/v3/schemas/envelope/v1.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("envelope v1");
        anonymous.get().uri("/v3/schemas/PlanSubmitted/v1.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.properties.components.type[0]").isEqualTo("array");
        anonymous.get().uri("/v3/schemas/released/PlanSubmitted").exchange().expectStatus().isNotFound();
        anonymous.get().uri("/v3/schemas/PlanSubmitted/v99.json").exchange().expectStatus().isNotFound();
    }
}
