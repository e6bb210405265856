package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataCopies;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models' copies of people's identifiers and addresses, replaced with "erased" when a
 * person is erased (docs/personal-data.md): the case and ticket directories' CSMs and engineers,
 * each notification's recipient, email and message text, the in-app inbox's recipient and message
 * text. The person's own contact
 * addresses (email, webhook) are deleted: an address of nobody is of no use, and the recipient is
 * their key.
 */
@Component
public class NotificationPersonalData implements PersonalDataCopies {

    /** Where an identifier may stand whole, as table and column. */
    private static final List<String[]> IDENTIFIER_COLUMNS = List.of(new String[] {"case_contact", "csm"},
            new String[] {"ticket_contact", "csm"}, new String[] {"ticket_contact", "assigned_engineer"},
            new String[] {"notification_status", "recipient"}, new String[] {"notification_status", "email"},
            new String[] {"inbox_entry", "recipient"}, new String[] {"recipient_address", "recipient"},
            new String[] {"recipient_address", "email"});

    private final JdbcClient jdbc;

    public NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(HashedPerson person) {
        // The rules write the CSM's name into message texts ("{csm} shared plan v2 ..."): the
        // identifiers found here are replaced in the texts too, before the columns lose them.
        Set<String> identifiers = new LinkedHashSet<>();
        for (String[] column : IDENTIFIER_COLUMNS) {
            jdbc.sql("SELECT DISTINCT " + column[1] + " FROM " + column[0] + " WHERE " + column[1] + " IS NOT NULL")
                    .query(String.class).list().stream().filter(person::is).forEach(identifiers::add);
        }
        for (String identifier : identifiers) {
            for (String table : List.of("inbox_entry", "notification_status")) {
                jdbc.sql("UPDATE " + table + " SET message = REPLACE(message, :identifier, :erased) "
                                + "WHERE message LIKE :pattern ESCAPE '\\'")
                        .param("identifier", identifier)
                        .param("erased", PersonalDataCipher.ERASED)
                        .param("pattern", "%" + identifier.replace("\\", "\\\\").replace("%", "\\%")
                                .replace("_", "\\_") + "%")
                        .update();
            }
        }
        PersonalDataCopies.replaceIn(jdbc, "case_contact", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "ticket_contact", "csm", person);
        PersonalDataCopies.replaceIn(jdbc, "ticket_contact", "assigned_engineer", person);
        List.of("recipient_address", "recipient_webhook").forEach(table -> deleteRecipient(table, person));
        // a notification's email is erased with its recipient, and on its own when the person is that address
        jdbc.sql("SELECT DISTINCT recipient FROM notification_status").query(String.class).list().stream()
                .filter(person::is)
                .forEach(recipient -> jdbc.sql("""
                                UPDATE notification_status SET email = CASE WHEN email IS NULL THEN NULL ELSE :erased END
                                WHERE recipient = :recipient""")
                        .param("erased", PersonalDataCipher.ERASED).param("recipient", recipient).update());
        PersonalDataCopies.replaceIn(jdbc, "notification_status", "email", person);
        PersonalDataCopies.replaceIn(jdbc, "notification_status", "recipient", person);
        PersonalDataCopies.replaceIn(jdbc, "recipient_address", "email", person);
        PersonalDataCopies.replaceIn(jdbc, "inbox_entry", "recipient", person);
    }

    private void deleteRecipient(String table, HashedPerson person) {
        jdbc.sql("SELECT recipient FROM " + table).query(String.class).list().stream()
                .filter(person::is)
                .forEach(recipient -> jdbc.sql("DELETE FROM " + table + " WHERE recipient = :recipient")
                        .param("recipient", recipient).update());
    }
}
