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
 * text. The person's own contact addresses (email, webhook) are deleted: an address of nobody is of
 * no use.
 */
@Component
public class NotificationPersonalData implements PersonalDataCopies {

    private record Column(String table, String name) {
    }

    /** Where an identifier stands whole and is replaced. */
    private static final List<Column> REPLACED = List.of(new Column("case_contact", "csm"),
            new Column("ticket_contact", "csm"), new Column("ticket_contact", "assigned_engineer"),
            new Column("notification_status", "recipient"), new Column("notification_status", "email"),
            new Column("inbox_entry", "recipient"));

    /** The person's own addresses, one row per recipient, deleted. */
    private static final List<Column> DELETED = List.of(new Column("recipient_address", "recipient"),
            new Column("recipient_address", "email"), new Column("recipient_webhook", "recipient"));

    private final JdbcClient jdbc;

    public NotificationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(HashedPerson person) {
        for (String identifier : identifiersOf(person)) {
            // the rules write the CSM's name into message texts ("{csm} shared plan v2 ...")
            for (String table : List.of("inbox_entry", "notification_status")) {
                jdbc.sql("UPDATE " + table + " SET message = REPLACE(message, :identifier, :erased) "
                                + "WHERE message LIKE :pattern ESCAPE '\\'")
                        .param("identifier", identifier)
                        .param("erased", PersonalDataCipher.ERASED)
                        .param("pattern", "%" + identifier.replace("\\", "\\\\").replace("%", "\\%")
                                .replace("_", "\\_") + "%")
                        .update();
            }
            // the address a notification went to is the recipient's, so it goes with them
            jdbc.sql("UPDATE notification_status SET email = :erased WHERE recipient = :identifier AND email IS NOT NULL")
                    .param("erased", PersonalDataCipher.ERASED).param("identifier", identifier).update();
            for (Column column : REPLACED) {
                jdbc.sql("UPDATE " + column.table() + " SET " + column.name() + " = :erased WHERE "
                                + column.name() + " = :identifier")
                        .param("erased", PersonalDataCipher.ERASED).param("identifier", identifier).update();
            }
            for (Column column : DELETED) {
                jdbc.sql("DELETE FROM " + column.table() + " WHERE " + column.name() + " = :identifier")
                        .param("identifier", identifier).update();
            }
        }
    }

    /** The stored identifiers (names or addresses) whose hash is the person's. */
    private Set<String> identifiersOf(HashedPerson person) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (Column column : List.of(REPLACED, DELETED).stream().flatMap(List::stream).toList()) {
            jdbc.sql("SELECT DISTINCT " + column.name() + " FROM " + column.table() + " WHERE " + column.name()
                            + " IS NOT NULL")
                    .query(String.class).list().stream().filter(person::is).forEach(identifiers::add);
        }
        return identifiers;
    }
}
