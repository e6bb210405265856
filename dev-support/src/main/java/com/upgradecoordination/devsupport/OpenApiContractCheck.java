package com.upgradecoordination.devsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

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
}
