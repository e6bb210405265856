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

    @Bean
    public InboxSubscription coordinationNotifications(CaseEventNotifier notifier) {
        return InboxSubscription.listener("notification-coordination-events", Topics.COORDINATION)
                .containerFactory(DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
                .everyEvent("coordination-notifications", notifier::onCoordinationEvent);
    }

    @Bean
    public InboxSubscription reviewNotifications(CaseEventNotifier notifier) {
        return InboxSubscription.listener("notification-review-events", Topics.REVIEW)
                .containerFactory(DeadLetterConsumerConfiguration.CONTAINER_FACTORY)
                .everyEvent("review-notifications", notifier::onReviewEvent);
    }
}
