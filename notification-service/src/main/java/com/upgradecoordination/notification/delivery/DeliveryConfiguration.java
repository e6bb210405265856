package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.domain.DeliveryRetryPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The delivery worker's schedule, and the retry policy the Notification aggregate applies. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(DeliverySettings.class)
public class DeliveryConfiguration implements SchedulingConfigurer {

    private final DeliverySettings settings;
    private final DeliveryWorker worker;

    public DeliveryConfiguration(DeliverySettings settings, DeliveryWorker worker) {
        this.settings = settings;
        this.worker = worker;
    }

    /** Resolved by Axon as a parameter of the aggregate's command handler. */
    @Bean
    public DeliveryRetryPolicy deliveryRetryPolicy() {
        return settings.retryPolicy();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(worker::deliverDue, settings.pollInterval());
    }
}
