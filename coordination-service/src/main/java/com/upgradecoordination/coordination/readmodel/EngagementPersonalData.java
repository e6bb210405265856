package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCopies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engagement read model's copies of people's identifiers (the CSM, who did a deviation step,
 * who asked a question), replaced when a person is erased. A rebuild writes the same: the events
 * then read "erased".
 */
@Component
public class EngagementPersonalData implements PersonalDataCopies {

    private final JdbcClient jdbc;

    public EngagementPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(HashedPerson person) {
        PersonalDataCopies.replaceIn(jdbc, "engagement_summary", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "engagement_deviation_step", "done_by", person);
        PersonalDataCopies.replaceIn(jdbc, "engagement_assistance_request", "asked_by", person);
    }
}
