package com.upgradecoordination.notification.delivery;

import com.upgradecoordination.notification.api.WebhookFingerprint;
import com.upgradecoordination.notification.domain.WebhookUrls;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code recipient_webhook}: the recipients' webhook URLs, outside the event store because they
 * are secrets. The Recipient aggregate writes it (in its command's transaction); the delivery worker
 * reads the URL when it delivers; everything else sees only {@link #maskedOf(String) the masked form}.
 */
@Component
public class WebhookUrlTable implements WebhookUrls {

    /** What may be shown of a recipient's webhook: its host and fingerprint, and when it was set. */
    public record MaskedWebhook(String host, String fingerprint, Instant setAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public WebhookUrlTable(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void store(String recipient, String url) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE recipient_webhook SET url = :url, set_at = :at WHERE recipient = :recipient")
                .param("recipient", recipient).param("url", url).param("at", now).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO recipient_webhook (recipient, url, set_at) VALUES (:recipient, :url, :at)")
                    .param("recipient", recipient).param("url", url).param("at", now).update();
        }
    }

    @Override
    public void remove(String recipient) {
        jdbc.sql("DELETE FROM recipient_webhook WHERE recipient = :recipient").param("recipient", recipient).update();
    }

    /** The URL to deliver to; for the delivery worker only. */
    public Optional<String> urlOf(String recipient) {
        return jdbc.sql("SELECT url FROM recipient_webhook WHERE recipient = :recipient")
                .param("recipient", recipient).query(String.class).optional();
    }

    /** The fingerprint of the recipient's current URL, if one is set. */
    public Optional<String> fingerprintOf(String recipient) {
        return urlOf(recipient).map(WebhookFingerprint::of);
    }

    public Optional<MaskedWebhook> maskedOf(String recipient) {
        return jdbc.sql("SELECT url, set_at FROM recipient_webhook WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query((rs, row) -> {
                    String url = rs.getString("url");
                    return new MaskedWebhook(WebhookFingerprint.hostOf(url), WebhookFingerprint.of(url),
                            rs.getTimestamp("set_at").toInstant());
                })
                .optional();
    }
}
