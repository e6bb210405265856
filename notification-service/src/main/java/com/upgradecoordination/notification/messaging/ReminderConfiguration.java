package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.notification.domain.ReminderPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reminders' policy, which the Reminder aggregate's command handlers take as a parameter. */
@Configuration
@EnableConfigurationProperties(ReminderSettings.class)
public class ReminderConfiguration {

    @Bean
    public ReminderPolicy reminderPolicy(ReminderSettings settings) {
        return settings.policy();
    }
}
