package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCopies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' copies of people's identifiers (CSMs, assignees, reviewers, engineers, who gave
 * feedback), replaced with "erased" when a person is erased (docs/personal-data.md). A rebuild
 * writes the same: the events then read "erased".
 */
@Component
public class ReviewPersonalData implements PersonalDataCopies {

    private final JdbcClient jdbc;

    public ReviewPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(HashedPerson person) {
        PersonalDataCopies.replaceIn(jdbc, "support_review_summary", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "support_review_summary", "reviewer", person);
        PersonalDataCopies.replaceIn(jdbc, "plan_review_summary", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "plan_review_summary", "assignee", person);
        PersonalDataCopies.replaceIn(jdbc, "plan_review_summary", "reviewer", person);
        PersonalDataCopies.replaceIn(jdbc, "plan_review_feedback", "given_by", person);
        PersonalDataCopies.replaceIn(jdbc, "ticket_summary", "assignee", person);
        PersonalDataCopies.replaceIn(jdbc, "ticket_summary", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "ticket_summary", "pairing_engineer", person);
        PersonalDataCopies.replaceIn(jdbc, "engagement_directory", "csm", person);
    }
}
