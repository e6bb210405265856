package com.upgradecoordination.review.domain.upgrade;

import com.upgradecoordination.review.api.InstanceCondition;
import java.util.List;

/**
 * A conditional upgrade stop on the way whose condition the customer has not answered: Support asks
 * rather than assuming either way.
 *
 * @param stop       the conditional stop
 * @param unanswered its conditions without an answer (none of its conditions is answered true)
 * @param message    the question to the customer, naming the stop and why it may be required
 */
public record ConditionalStopQuestion(UpgradeStop stop, List<InstanceCondition> unanswered, String message) {

    public ConditionalStopQuestion {
        unanswered = List.copyOf(unanswered);
    }
}
