package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.domain.DeliveryRetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.delivery.*}: how email and webhook notifications are delivered and retried.
 *
 * @param maxAttempts    attempts before a notification has failed
 * @param firstDelay     the wait after the first failed attempt; each further one is {@code multiplier} times longer
 * @param maxDelay       the longest wait between two attempts
 * @param pollInterval   how often the worker looks for due deliveries
 * @param claimTime      how long an attempt under way keeps other polls off its notification; an
 *                       attempt whose outcome was not recorded by then (a crash) is made again
 * @param batchSize      deliveries attempted per poll at most
 * @param webhookTimeout connect and answer timeout of a webhook call
 * @param emailFrom      the sender address of notification emails
 */
@ConfigurationProperties("notification.delivery")
public record DeliverySettings(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration firstDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("10m") Duration maxDelay,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration claimTime,
        @DefaultValue("20") int batchSize,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("upgrade-coordination@localhost") String emailFrom) {

    public DeliveryRetryPolicy retryPolicy() {
        return new DeliveryRetryPolicy(maxAttempts, firstDelay, multiplier, maxDelay);
    }
}
