package com.upgradecoordination.notification.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonHash;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An erased person's copies leave every notification read model; other people's stay (on H2, the local run's database). */
class NotificationPersonalDataOnH2Test {

    JdbcClient jdbc;
    NotificationPersonalData copies;

    @BeforeEach
    void migrate() {
        jdbc = JdbcClient.create(EmbeddedH2.migrated("classpath:db/platform", "classpath:db/notification-service"));
        copies = new NotificationPersonalData(jdbc);
        for (String person : new String[] {"casey.csm", "robin.csm"}) {
            String suffix = person.substring(0, 5);
            jdbc.sql("INSERT INTO case_contact (case_id, csm, source_event_id, recorded_at) "
                    + "VALUES (:case, :person, :event, CURRENT_TIMESTAMP)")
                    .param("case", "case-" + suffix).param("person", person).param("event", "event-" + suffix).update();
            jdbc.sql("INSERT INTO ticket_contact (ticket_id, case_id, assigned_engineer, csm, updated_at) "
                    + "VALUES (:ticket, :case, 'sam.engineer', :person, CURRENT_TIMESTAMP)")
                    .param("ticket", "ticket-" + suffix).param("case", "case-" + suffix).param("person", person).update();
            jdbc.sql("INSERT INTO inbox_entry (notification_id, recipient, case_id, source_event_type, message, "
                    + "created_at, updated_at) VALUES (:id, :person, 'case-1', 'EngagementOpened', :message, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .param("id", "n-" + suffix).param("person", person)
                    .param("message", person + " shared plan v2 of Acme").update();
            jdbc.sql("INSERT INTO notification_status (notification_id, case_id, source_event_id, source_event_type, "
                    + "recipient, channel, email, message, status, attempts, created_at, updated_at) VALUES (:id, "
                    + "'case-1', 'event-1', 'EngagementOpened', :person, 'EMAIL', :email, 'hello', 'SENT', 1, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .param("id", "n-" + suffix).param("person", person).param("email", suffix + "@example.com").update();
            jdbc.sql("INSERT INTO recipient_address (recipient, email, updated_at) "
                    + "VALUES (:person, :email, CURRENT_TIMESTAMP)")
                    .param("person", person).param("email", suffix + "@example.com").update();
            jdbc.sql("INSERT INTO recipient_webhook (recipient, url, set_at) "
                    + "VALUES (:person, 'https://hooks.example/x', CURRENT_TIMESTAMP)")
                    .param("person", person).update();
        }
    }

    @Test
    void theErasedPersonIsReplacedOrDeletedEverywhereAndNobodyElse() {
        copies.erase(new HashedPerson(PersonHash.of("casey.csm")));

        assertThat(column("case_contact", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("ticket_contact", "csm")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("ticket_contact", "assigned_engineer")).containsOnly("sam.engineer");
        assertThat(column("inbox_entry", "recipient")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("notification_status", "recipient")).containsExactlyInAnyOrder("erased", "robin.csm");
        assertThat(column("notification_status", "email")).containsExactlyInAnyOrder("erased", "robin@example.com");
        assertThat(column("recipient_address", "recipient")).containsExactly("robin.csm");
        assertThat(column("inbox_entry", "message"))
                .containsExactlyInAnyOrder("erased shared plan v2 of Acme", "robin.csm shared plan v2 of Acme");
        assertThat(column("recipient_webhook", "recipient")).containsExactly("robin.csm");
    }

    @Test
    void aPersonKnownByTheirAddressLosesThatAddressAndTheirOwnAddressRow() {
        copies.erase(new HashedPerson(PersonHash.of("robin@example.com")));

        assertThat(column("notification_status", "email")).containsExactlyInAnyOrder("casey@example.com", "erased");
        assertThat(column("recipient_address", "email")).containsExactly("casey@example.com");
        assertThat(column("notification_status", "recipient")).containsExactlyInAnyOrder("casey.csm", "robin.csm");
    }

    private List<String> column(String table, String column) {
        return jdbc.sql("SELECT " + column + " FROM " + table).query(String.class).list();
    }
}
