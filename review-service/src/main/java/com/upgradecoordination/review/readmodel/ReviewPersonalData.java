package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.personaldata.PersonalDataColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' copies of people's identifiers (CSMs, assignees, reviewers, engineers, who gave
 * feedback), replaced with "erased" when a person is erased (docs/personal-data.md).
 */
@Component
public class ReviewPersonalData extends PersonalDataColumns {

    public ReviewPersonalData(JdbcClient jdbc) {
        super(jdbc, "support_review_summary.csm", "support_review_summary.reviewer",
                "plan_review_summary.csm", "plan_review_summary.assignee", "plan_review_summary.reviewer",
                "plan_review_feedback.given_by",
                "ticket_summary.assignee", "ticket_summary.csm", "ticket_summary.pairing_engineer",
                "engagement_directory.csm");
    }
}
