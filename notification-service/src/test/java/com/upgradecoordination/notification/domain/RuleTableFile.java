package com.upgradecoordination.notification.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The rule table exactly as the service reads it from notification-service.yml. */
final class RuleTableFile {

    static final NotificationRules STANDARD = load();

    private RuleTableFile() {
    }

    private static NotificationRules load() {
        try {
            var sources = new YamlPropertySourceLoader().load("notification-service",
                    new ClassPathResource("notification-service.yml"));
            List<NotificationRules.Rule> rules = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("notification.rules", Bindable.listOf(NotificationRules.Rule.class))
                    .orElseThrow(() -> new IllegalStateException("notification-service.yml has no notification.rules"));
            return NotificationRules.of(rules);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
