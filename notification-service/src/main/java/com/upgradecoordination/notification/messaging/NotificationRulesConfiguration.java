package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.notification.domain.NotificationRules;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rule table from {@code notification.rules}; an invalid line stops the start-up with its reason. */
@Configuration
@EnableConfigurationProperties(NotificationRulesConfiguration.RuleTable.class)
public class NotificationRulesConfiguration {

    /** The lines as configured, before they are checked. */
    @ConfigurationProperties("notification")
    public record RuleTable(List<NotificationRules.Rule> rules) {

        public RuleTable {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    @Bean
    public NotificationRules notificationRules(RuleTable table) {
        return NotificationRules.of(table.rules());
    }
}
