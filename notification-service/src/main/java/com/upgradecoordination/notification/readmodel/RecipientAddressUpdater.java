package com.upgradecoordination.notification.readmodel;

import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code recipient_address} (the recipients' email addresses) in step with the Recipient
 * aggregates; it can be dropped and replayed. {@link RecipientDirectory} reads it.
 */
@Component
@ProcessingGroup("recipient-addresses")
class RecipientAddressUpdater {

    private final ProjectionTable addresses;

    RecipientAddressUpdater(NamedParameterJdbcTemplate jdbc) {
        this.addresses = new ProjectionTable(jdbc, "recipient_address", "recipient");
    }

    /** The recipient's first address makes its row (its events before may have set only a webhook). */
    @EventHandler
    void on(RecipientEmailChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Columns email = Columns.of("email", event.email());
        if (!addresses.update(event.recipient(), sequence, at, email)) {
            addresses.insert(event.recipient(), sequence, at, email);
        }
    }

    @ResetHandler
    void dropAll() {
        addresses.deleteAll();
    }
}
