package com.upgradecoordination.notification.domain;

/**
 * What this service knows about a case from earlier events, for addressing and wording notifications.
 *
 * @param csm                  the case's Customer Success Manager (the engagement's, else the
 *                             ticket's follower); null while unknown
 * @param customerOrganisation null while unknown
 * @param assignedEngineer     the Support engineer working the event's ticket; null for events of
 *                             no ticket, and while nobody took it
 */
public record CaseFacts(String caseId, String csm, String customerOrganisation, String assignedEngineer) {

    public CaseFacts(String caseId, String csm, String customerOrganisation) {
        this(caseId, csm, customerOrganisation, null);
    }

    /** A case no EngagementOpened has been seen for. */
    public static CaseFacts unknown(String caseId) {
        return new CaseFacts(caseId, null, null, null);
    }
}
