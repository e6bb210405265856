package com.upgradecoordination.review.domain;

import java.util.Optional;

/**
 * The CSMs coordination-service named for its engagements, as review-service learnt them from each
 * engagement's opening (SPEC T3): what a new ticket asks for the CSM to follow it.
 */
public interface CsmDirectory {

    /**
     * The CSM of the engagement, else of the organisation's latest engagement. Asked in the new
     * ticket's transaction: the answer holds the engagement until that transaction ends, so news of
     * the engagement from coordination-service handled meanwhile (its opening, a migration problem)
     * waits for the ticket and then finds it, instead of both missing each other.
     *
     * @param engagementId the ticket's engagement, or null
     * @param organisation the customer the ticket is filed for
     */
    Optional<String> csmForNewTicket(String engagementId, String organisation);
}
