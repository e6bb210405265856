package com.upgradecoordination.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.PersonalDataErased;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a subscription tells its listener's consumers to read. */
class InboxSubscriptionTest {

    @Test
    void aSubscriptionOfChosenContractsNamesThemAsTheHeadersDo() {
        InboxSubscription subscription = InboxSubscription.listener("test-listener", Topics.COORDINATION)
                .effect(EngagementOpened.class, "openings", (event, inbound) -> { })
                .effect(PersonalDataErased.class, "erasures", (event, inbound) -> { });

        assertThat(subscription.handledContracts()).contains(Set.of("EngagementOpened/v1", "PersonalDataErased/v1"));
    }

    @Test
    void aSubscriptionOfEveryEventNamesNone() {
        InboxSubscription subscription = InboxSubscription.listener("test-listener", Topics.COORDINATION)
                .everyEvent("everything", inbound -> { });

        assertThat(subscription.handledContracts()).isEmpty();
    }
}
