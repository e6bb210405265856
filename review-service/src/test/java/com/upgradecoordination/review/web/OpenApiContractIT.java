package com.upgradecoordination.review.web;

import com.upgradecoordination.devsupport.OpenApiContractCheck;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OpenAPI document review-service serves equals the committed docs/openapi/review-service.json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=review-service")
class OpenApiContractIT extends OpenApiContractCheck {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "review-service");
    }
}
