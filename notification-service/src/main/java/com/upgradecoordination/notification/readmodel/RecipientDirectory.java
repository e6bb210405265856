package com.upgradecoordination.notification.readmodel;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recipients' email addresses ({@code recipient_address}), as {@link RecipientAddressUpdater}
 * keeps them. Webhook URLs are not here: they are secrets, kept in {@code recipient_webhook} only.
 */
@Component
public class RecipientDirectory {

    private final JdbcClient jdbc;

    public RecipientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The recipient's email address, if one is set. */
    public Optional<String> emailOf(String recipient) {
        return jdbc.sql("SELECT email FROM recipient_address WHERE recipient = :recipient AND email IS NOT NULL")
                .param("recipient", recipient)
                .query(String.class)
                .optional();
    }
}
