package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code recipient_address} (the recipients' email addresses) in step with the Recipient
 * aggregates; it can be dropped and replayed. Webhook URLs are not here: they are secrets, kept in
 * {@code recipient_webhook} only.
 */
@Component
@ProcessingGroup("recipient-addresses")
public class RecipientDirectory {

    private final JdbcClient jdbc;

    public RecipientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecipientEmailChangedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        int updated = jdbc.sql("UPDATE recipient_address SET email = :email, updated_at = :at WHERE recipient = :recipient")
                .param("recipient", event.recipient())
                .param("email", event.email())
                .param("at", Timestamp.from(at))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO recipient_address (recipient, email, updated_at) VALUES (:recipient, :email, :at)")
                    .param("recipient", event.recipient())
                    .param("email", event.email())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM recipient_address").update();
    }

    /** The recipient's email address, if one is set. */
    public Optional<String> emailOf(String recipient) {
        return jdbc.sql("SELECT email FROM recipient_address WHERE recipient = :recipient AND email IS NOT NULL")
                .param("recipient", recipient)
                .query(String.class)
                .optional();
    }
}
