package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The other team's answer to a question (SPEC C4); the answerer is the envelope's actor. */
@EventContract(type = "InternalAssistanceAnswered", version = 1, topic = Topics.COORDINATION)
public record InternalAssistanceAnswered(String engagementId, String requestId, String answer) {
}
