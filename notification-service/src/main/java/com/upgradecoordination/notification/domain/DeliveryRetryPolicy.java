package com.upgradecoordination.notification.domain;

import java.time.Duration;

/**
 * How often and how soon a failed email or webhook delivery is tried again (SPEC N4): the delay
 * after failed attempt n is {@code firstDelay * multiplier^(n-1)}, at most {@code maxDelay}; after
 * {@code maxAttempts} failed attempts the notification has failed.
 */
public record DeliveryRetryPolicy(int maxAttempts, Duration firstDelay, double multiplier, Duration maxDelay) {

    public DeliveryRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: at least 1");
        }
        if (firstDelay == null || firstDelay.isNegative() || maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("firstDelay, maxDelay: 0 <= firstDelay <= maxDelay");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier: at least 1");
        }
    }

    /** The wait before the attempt after failed attempt {@code failedAttempt} (1 for the first). */
    public Duration delayAfter(int failedAttempt) {
        double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
