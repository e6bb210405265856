package com.upgradecoordination.review.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonHash;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An erased person's copies leave every review read model; other people's stay (on H2, the local run's database). */
class ReviewPersonalDataOnH2Test {

    JdbcClient jdbc;
    ReviewPersonalData copies;

    @BeforeEach
    void migrate() {
        jdbc = JdbcClient.create(EmbeddedH2.migrated("classpath:db/platform", "classpath:db/review-service"));
        copies = new ReviewPersonalData(jdbc);
        for (String csm : new String[] {"casey.csm", "robin.csm"}) {
            String id = csm.substring(0, 5);
            jdbc.sql("INSERT INTO support_review_summary (review_id, engagement_id, plan_version, customer_organisation, "
                    + "csm, reference_size, deviation_count, status, reviewer, opened_at, version, updated_at) VALUES "
                    + "(:id, :id, 1, 'Acme', :csm, '3k', 0, 'COMPLETED', 'sam.senior', CURRENT_TIMESTAMP, 1, "
                    + "CURRENT_TIMESTAMP)").param("id", id).param("csm", csm).update();
            jdbc.sql("INSERT INTO plan_review_summary (plan_review_id, engagement_id, plan_version, customer_organisation, "
                    + "csm, reference_size, conforms, deviation_count, status, assignee, feedback_count, reviewer, "
                    + "opened_at, version, updated_at) VALUES (:id, :id, 1, 'Acme', :csm, '3k', TRUE, 0, 'OPEN', "
                    + "'sam.senior', 0, :csm, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)")
                    .param("id", id).param("csm", csm).update();
            jdbc.sql("INSERT INTO plan_review_feedback (plan_review_id, sequence, topic, text, given_by, given_by_role, "
                    + "given_at) VALUES (:id, 1, 'SIZING', 'more nodes', :csm, 'CSM', CURRENT_TIMESTAMP)")
                    .param("id", id).param("csm", csm).update();
            jdbc.sql("INSERT INTO ticket_summary (ticket_id, case_id, form, priority, status, assignee, csm, "
                    + "pairing_engineer, information_complete, deficiencies, call_state, migration_problems, created_at, "
                    + "version, updated_at) VALUES (:id, :id, 'UPGRADE_ASSISTANCE', 'NORMAL', 'OPEN', 'sam.engineer', "
                    + ":csm, :csm, TRUE, '', 'NONE', 0, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)")
                    .param("id", id).param("csm", csm).update();
            jdbc.sql("INSERT INTO engagement_directory (engagement_id, customer_organisation, organisation_key, csm, "
                    + "opened_at) VALUES (:id, 'Acme', 'acme', :csm, CURRENT_TIMESTAMP)")
                    .param("id", id).param("csm", csm).update();
        }
    }

    @Test
    void theErasedPersonIsReplacedInEveryReadModelAndNobodyElse() {
        copies.erase(new HashedPerson(PersonHash.of("casey.csm")));

        assertThat(column("support_review_summary", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("support_review_summary", "reviewer")).containsOnly("sam.senior");
        assertThat(column("plan_review_summary", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("plan_review_summary", "reviewer")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("plan_review_summary", "assignee")).containsOnly("sam.senior");
        assertThat(column("plan_review_feedback", "given_by")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("ticket_summary", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("ticket_summary", "pairing_engineer")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("ticket_summary", "assignee")).containsOnly("sam.engineer");
        assertThat(column("engagement_directory", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
    }

    @Test
    void anEngineerIsErasedWhereverTheyWork() {
        copies.erase(new HashedPerson(PersonHash.of("sam.senior")));

        assertThat(column("support_review_summary", "reviewer")).containsOnly("erased");
        assertThat(column("plan_review_summary", "assignee")).containsOnly("erased");
        assertThat(column("support_review_summary", "csm")).containsExactlyInAnyOrder("casey.csm", "robin.csm");
    }

    private List<String> column(String table, String column) {
        return jdbc.sql("SELECT " + column + " FROM " + table).query(String.class).list();
    }
}
