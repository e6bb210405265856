package com.upgradecoordination.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Who is told what, when and how: turns the cases' events into notifications for the people involved. */
@SpringBootApplication
public class NotificationServiceApplication {

    /** Its configuration file is {@code notification-service.yml}, so all services can share one JVM locally. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=notification-service");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
