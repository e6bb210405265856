package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.platform.personaldata.PersonalDataColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The engagement read model's copies of people's identifiers: the CSM, who did a deviation step, who asked a question. */
@Component
public class EngagementPersonalData extends PersonalDataColumns {

    public EngagementPersonalData(JdbcClient jdbc) {
        super(jdbc, "engagement_summary.csm", "engagement_deviation_step.done_by",
                "engagement_assistance_request.asked_by");
    }
}
