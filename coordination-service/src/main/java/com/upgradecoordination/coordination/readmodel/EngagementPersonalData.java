package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
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
    public void erase(String person) {
        replace("engagement_summary", "csm", person);
        replace("engagement_deviation_step", "done_by", person);
        replace("engagement_assistance_request", "asked_by", person);
    }

    private void replace(String table, String column, String person) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :erased WHERE " + column + " = :person")
                .param("erased", PersonalDataCipher.ERASED)
                .param("person", person)
                .update();
    }
}
