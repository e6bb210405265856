package com.upgradecoordination.notification.web;

import com.upgradecoordination.devsupport.OpenApiContractCheck;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OpenAPI document notification-service serves equals the committed docs/openapi/notification-service.json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=notification-service")
class OpenApiContractIT extends OpenApiContractCheck {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "notification-service");
    }
}
