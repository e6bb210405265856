package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;

import java.util.Optional;

/** The rules of internal assistance (SPEC C4). */
final class AssistancePolicies {

    static Optional<Refusal> answeredOnce(AssistanceRequests requests, String requestId) {
        return requests.isAnswered(requestId) ? refuse("assistance-already-answered",
                "Assistance request " + requestId + " is already answered") : allow();
    }

    /** Only a question that was asked is answered. */
    static Optional<Refusal> asked(AssistanceRequests requests, String requestId) {
        return requests.isOpen(requestId) ? allow() : refuse("no-such-assistance-request",
                "No assistance request " + requestId + " on engagement " + requests.engagementId());
    }

    private AssistancePolicies() {
    }
}
