package com.upgradecoordination.platform.audit.timeline;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataColumns;
import com.upgradecoordination.platform.personaldata.PersonalDataCopies;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code case_timeline} table: what the topics said about each case, in time order (SPEC A3). */
public class CaseTimeline implements PersonalDataCopies {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public CaseTimeline(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    /** Adds the envelope unless its event is already there. */
    public void add(EventEnvelope envelope, String source) {
        jdbc.sql("""
                        INSERT INTO case_timeline (event_id, case_id, occurred_at, service, type, schema_version,
                            aggregate_type, aggregate_id, aggregate_sequence, actor, actor_role, correlation_id,
                            causation_id, origin, payload, source)
                        VALUES (:eventId, :caseId, :occurredAt, :service, :type, :schemaVersion, :aggregateType,
                            :aggregateId, :aggregateSequence, :actor, :actorRole, :correlationId, :causationId,
                            :origin, :payload, :source)
                        ON CONFLICT DO NOTHING""")
                .param("eventId", envelope.eventId())
                .param("caseId", envelope.caseId())
                .param("occurredAt", Timestamp.from(envelope.occurredAt()))
                .param("service", envelope.producer())
                .param("type", envelope.type())
                .param("schemaVersion", envelope.schemaVersion())
                .param("aggregateType", envelope.aggregateType())
                .param("aggregateId", envelope.aggregateId())
                .param("aggregateSequence", envelope.aggregateSequence() < 0 ? null : envelope.aggregateSequence())
                .param("actor", envelope.actor() == null ? null : envelope.actor().principal())
                .param("actorRole", envelope.actor() == null ? null : envelope.actor().role())
                .param("correlationId", envelope.correlationId())
                .param("causationId", envelope.causationId())
                .param("origin", envelope.origin())
                .param("payload", jsonMapper.writeValueAsString(envelope.payload()))
                .param("source", source)
                .update();
    }

    /** The case's events in time order, within [from, to) and of one type when given. */
    public List<TimelineEntry> of(String caseId, Instant from, Instant to, String type) {
        return jdbc.sql("""
                        SELECT * FROM case_timeline
                        WHERE case_id = :caseId AND occurred_at >= :from AND occurred_at < :to
                          AND (CAST(:type AS VARCHAR(100)) IS NULL OR type = :type)
                        ORDER BY occurred_at, service, aggregate_id, aggregate_sequence, event_id""")
                .param("caseId", caseId)
                .param("from", Timestamp.from(from == null ? Instant.EPOCH : from))
                .param("to", Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to))
                .param("type", type)
                .query((row, number) -> entry(row))
                .list();
    }

    private TimelineEntry entry(ResultSet row) throws SQLException {
        long sequence = row.getLong("aggregate_sequence");
        return new TimelineEntry(row.getTimestamp("occurred_at").toInstant(), row.getString("event_id"),
                row.getString("case_id"), row.getString("service"), row.getString("type"),
                row.getInt("schema_version"), row.getString("aggregate_type"), row.getString("aggregate_id"),
                row.wasNull() ? null : sequence, row.getString("actor"), row.getString("actor_role"),
                row.getString("correlation_id"), row.getString("causation_id"), row.getString("origin"),
                jsonMapper.readTree(row.getString("payload")));
    }

    /**
     * The topics carry personal data in clear (docs/personal-data.md), so the timeline's copy is
     * rewritten when a person is erased: the actor, and every text value of a payload that is the
     * person's identifier. Only the person's hash is known, so every row is read and its values
     * hashed: erasures are rare.
     */
    @Override
    public void erase(HashedPerson person) {
        new PersonalDataColumns(jdbc, "case_timeline.actor").erase(person);
        record Row(String eventId, JsonNode payload) {
        }
        List<Row> naming = new ArrayList<>();
        jdbc.sql("SELECT event_id, payload FROM case_timeline").query(row -> {
            JsonNode payload = jsonMapper.readTree(row.getString("payload"));
            if (names(payload, person)) {
                naming.add(new Row(row.getString("event_id"), payload));
            }
        });
        for (Row row : naming) {
            jdbc.sql("UPDATE case_timeline SET payload = :payload WHERE event_id = :eventId")
                    .param("payload", jsonMapper.writeValueAsString(erased(row.payload(), person)))
                    .param("eventId", row.eventId())
                    .update();
        }
    }

    private static boolean names(JsonNode node, HashedPerson person) {
        if (node.isString()) {
            return person.is(node.asString());
        }
        for (JsonNode child : node) {
            if (names(child, person)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode erased(JsonNode node, HashedPerson person) {
        if (node.isString() && person.is(node.asString())) {
            return jsonMapper.getNodeFactory().stringNode(PersonalDataCipher.ERASED);
        }
        if (node instanceof ObjectNode object) {
            List.copyOf(object.propertyNames()).forEach(name -> object.set(name, erased(object.get(name), person)));
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                array.set(index, erased(array.get(index), person));
            }
        }
        return node;
    }
}
