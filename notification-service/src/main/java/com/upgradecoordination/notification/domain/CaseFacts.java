package com.upgradecoordination.notification.domain;

/**
 * What this service knows about a case from earlier events, for addressing and wording notifications.
 *
 * @param csm                  the case's Customer Success Manager; null while unknown
 * @param customerOrganisation null while unknown
 */
public record CaseFacts(String caseId, String csm, String customerOrganisation) {

    /** A case no EngagementOpened has been seen for. */
    public static CaseFacts unknown(String caseId) {
        return new CaseFacts(caseId, null, null);
    }
}
