package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataColumns;
import java.util.ArrayList;
import java.util.List;
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
public class NotificationPersonalData extends PersonalDataColumns {

    /** The person's own addresses, one row per recipient, deleted. */
    private static final List<Column> DELETED = List.of(new Column("recipient_address", "recipient"),
            new Column("recipient_address", "email"), new Column("recipient_webhook", "recipient"));

    public NotificationPersonalData(JdbcClient jdbc) {
        super(jdbc, "case_contact.csm", "ticket_contact.csm", "ticket_contact.assigned_engineer",
                "notification_status.recipient", "notification_status.email", "inbox_entry.recipient");
    }

    @Override
    public void erase(HashedPerson person) {
        List<Column> stored = new ArrayList<>(replacedColumns());
        stored.addAll(DELETED);
        for (String identifier : identifiersIn(stored, person)) {
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
            replace(identifier);
            for (Column column : DELETED) {
                jdbc.sql("DELETE FROM " + column.table() + " WHERE " + column.name() + " = :identifier")
                        .param("identifier", identifier).update();
            }
        }
    }
}
