package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.RecipientAddressesSetEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code recipient_address} in step with the Recipient aggregates; it can be dropped and replayed. */
@Component
@ProcessingGroup("recipient-addresses")
public class RecipientDirectory {

    /** Where a recipient is reached besides the inbox; null where nothing is set. */
    public record Addresses(String recipient, String email, String webhookUrl) {
    }

    private final JdbcClient jdbc;

    public RecipientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecipientAddressesSetEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        int updated = jdbc.sql("""
                        UPDATE recipient_address SET email = :email, webhook_url = :webhookUrl, updated_at = :at
                        WHERE recipient = :recipient""")
                .param("recipient", event.recipient())
                .param("email", event.email())
                .param("webhookUrl", event.webhookUrl())
                .param("at", Timestamp.from(at))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO recipient_address (recipient, email, webhook_url, updated_at)
                            VALUES (:recipient, :email, :webhookUrl, :at)""")
                    .param("recipient", event.recipient())
                    .param("email", event.email())
                    .param("webhookUrl", event.webhookUrl())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM recipient_address").update();
    }

    public Optional<Addresses> addressesOf(String recipient) {
        return jdbc.sql("SELECT recipient, email, webhook_url FROM recipient_address WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query((rs, row) -> new Addresses(rs.getString("recipient"), rs.getString("email"),
                        rs.getString("webhook_url")))
                .optional();
    }
}
