package com.upgradecoordination.coordination;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The CSM's engagement: requirements, plans, architecture review and the deviation process. */
@SpringBootApplication
public class CoordinationServiceApplication {

    /** Its configuration file is {@code coordination-service.yml}, so all services can share one JVM locally. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CoordinationServiceApplication.class)
                .properties("spring.config.name=coordination-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
