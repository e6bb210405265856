package com.upgradecoordination.devsupport;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alters a stored event directly in the database, past the event store, as someone with database
 * access would: what the hash chain's verification has to notice (SPEC A4).
 */
public final class EventStoreTampering {

    /** The altered event, and how to put its original bytes back. */
    public record Alteration(String eventId, byte[] originalPayload, JdbcClient jdbc) {

        public void undo() {
            jdbc.sql("UPDATE domainevententry SET payload = :payload WHERE eventidentifier = :eventId")
                    .param("payload", originalPayload).param("eventId", eventId).update();
        }
    }

    private EventStoreTampering() {
    }

    /** Rewrites the JSON payload of the aggregate's event at {@code sequence}. */
    public static Alteration alterPayload(JdbcClient jdbc, String aggregateId, long sequence,
                                          UnaryOperator<String> change) {
        String eventId = jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = :id "
                        + "AND sequencenumber = :sequence")
                .param("id", aggregateId).param("sequence", sequence).query(String.class).single();
        byte[] original = jdbc.sql("SELECT payload FROM domainevententry WHERE eventidentifier = :eventId")
                .param("eventId", eventId).query(byte[].class).single();
        String altered = change.apply(new String(original, StandardCharsets.UTF_8));
        jdbc.sql("UPDATE domainevententry SET payload = :payload WHERE eventidentifier = :eventId")
                .param("payload", altered.getBytes(StandardCharsets.UTF_8)).param("eventId", eventId).update();
        return new Alteration(eventId, original, jdbc);
    }
}
