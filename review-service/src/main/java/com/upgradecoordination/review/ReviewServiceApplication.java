package com.upgradecoordination.review;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Support's side: Upgrade Assistance tickets, plan reviews and architecture support reviews. */
@SpringBootApplication
public class ReviewServiceApplication {

    /** Its configuration file is {@code review-service.yml}, so all services can share one JVM locally. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ReviewServiceApplication.class)
                .properties("spring.config.name=review-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
