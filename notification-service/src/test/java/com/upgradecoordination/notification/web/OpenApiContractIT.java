package com.upgradecoordination.notification.web;

import com.upgradecoordination.devsupport.OpenApiContract;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI document notification-service serves at /v3/api-docs (without a token) equals the committed
 * docs/openapi/notification-service.json. Update the file after an intended API change with
 * {@code OPENAPI_UPDATE=true ./mvnw -B -ntp verify} (see docs/openapi/README.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class OpenApiContractIT {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
    }

    @LocalServerPort
    int port;

    @Test
    void servedDocumentEqualsTheCommittedOne() {
        OpenApiContract.verifyServedDocument("notification-service", port);
    }
}
