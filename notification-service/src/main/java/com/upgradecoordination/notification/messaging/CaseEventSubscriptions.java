package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The other services' topics, every event on them, for {@link CaseEventNotifier}: one listener per
 * topic, each through the dead-letter container factory ({@link DeadLetterConsumerConfiguration}).
 * Values that can never become a notification are recorded by the inbox as REJECTED, not retried.
 */
@Configuration
public class CaseEventSubscriptions {

    static final String COORDINATION_CONSUMER = "coordination-notifications";
    static final String REVIEW_CONSUMER = "review-notifications";

    @Bean
    public InboxSubscription coordinationNotifications(CaseEventNotifier notifier) {
        return InboxSubscription.listener("notification-coordination-events", Topics.COORDINATION)
                .containerFactory(DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
                .everyEvent(COORDINATION_CONSUMER, notifier::onCoordinationEvent);
    }

    @Bean
    public InboxSubscription reviewNotifications(CaseEventNotifier notifier) {
        return InboxSubscription.listener("notification-review-events", Topics.REVIEW)
                .containerFactory(DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
                .everyEvent(REVIEW_CONSUMER, notifier::onReviewEvent);
    }
}
