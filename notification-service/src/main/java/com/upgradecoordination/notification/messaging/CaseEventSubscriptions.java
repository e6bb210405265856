package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import com.upgradecoordination.platform.personaldata.ForgetPersonCommand;
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

    /**
     * A person erased at coordination-service is forgotten here too (docs/personal-data.md): their
     * keys, the snapshots and the read models' copies, recorded in this service's store. Its own
     * listener: the one above reacts to every event, and an erasure is no notification. Rare contracts:
     * one consumer, waiting for fuller polls, as it passes over every other record of the topic.
     */
    @Bean
    public InboxSubscription personalDataErasures() {
        return InboxSubscription.listener("notification-personal-data-erasures", Topics.COORDINATION)
                .rareContracts()
                .command(PersonalDataErased.class, "personal-data-erasures",
                        erased -> new ForgetPersonCommand(erased.personHash()));
    }
}
