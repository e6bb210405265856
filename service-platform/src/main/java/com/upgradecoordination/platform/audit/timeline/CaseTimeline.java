package com.upgradecoordination.platform.audit.timeline;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.personaldata.HashedPerson;
import com.upgradecoordination.platform.personaldata.PersonalDataCipher;
import com.upgradecoordination.platform.personaldata.PersonalDataColumns;
import com.upgradecoordination.platform.personaldata.PersonalDataCopies;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code case_timeline} table: what the topics said about each case, in time order (SPEC A3). */
public class CaseTimeline implements PersonalDataCopies {

    private final NamedParameterJdbcTemplate batches;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper jsonMapper;

    public CaseTimeline(NamedParameterJdbcTemplate jdbcTemplate, TransactionTemplate transactions,
                        JsonMapper jsonMapper) {
        this.batches = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
    }

    /** An envelope as read from a topic: {@code source} is {@code topic-partition@offset}. */
    public record Received(EventEnvelope envelope, String source) {
    }

    /**
     * Adds the envelopes whose events are not there yet, in one transaction and one batch of
     * statements: the event id is the key, so an envelope read again (a redelivered poll, or twice in
     * one) changes nothing.
     */
    public void addAll(List<Received> received) {
        if (received.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = received.stream().map(this::row).toArray(SqlParameterSource[]::new);
        transactions.executeWithoutResult(status -> batches.batchUpdate("""
                INSERT INTO case_timeline (event_id, case_id, occurred_at, service, type, schema_version,
                    aggregate_type, aggregate_id, aggregate_sequence, actor, actor_role, correlation_id,
                    causation_id, origin, payload, source)
                VALUES (:eventId, :caseId, :occurredAt, :service, :type, :schemaVersion, :aggregateType,
                    :aggregateId, :aggregateSequence, :actor, :actorRole, :correlationId, :causationId,
                    :origin, :payload, :source)
                ON CONFLICT DO NOTHING""", rows));
    }

    /** Null values carry their SQL type: without it the driver is asked for the statement's parameter types. */
    private SqlParameterSource row(Received received) {
        EventEnvelope envelope = received.envelope();
        return new MapSqlParameterSource()
                .addValue("eventId", envelope.eventId())
                .addValue("caseId", envelope.caseId())
                .addValue("occurredAt", Timestamp.from(envelope.occurredAt()))
                .addValue("service", envelope.producer(), Types.VARCHAR)
                .addValue("type", envelope.type())
                .addValue("schemaVersion", envelope.schemaVersion())
                .addValue("aggregateType", envelope.aggregateType(), Types.VARCHAR)
                .addValue("aggregateId", envelope.aggregateId(), Types.VARCHAR)
                .addValue("aggregateSequence", envelope.aggregateSequence() < 0 ? null : envelope.aggregateSequence(),
                        Types.BIGINT)
                .addValue("actor", envelope.actor() == null ? null : envelope.actor().principal(), Types.VARCHAR)
                .addValue("actorRole", envelope.actor() == null ? null : envelope.actor().role(), Types.VARCHAR)
                .addValue("correlationId", envelope.correlationId(), Types.VARCHAR)
                .addValue("causationId", envelope.causationId(), Types.VARCHAR)
                .addValue("origin", envelope.origin(), Types.VARCHAR)
                .addValue("payload", jsonMapper.writeValueAsString(envelope.payload()))
                .addValue("source", received.source());
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
        Long aggregateSequence = row.wasNull() ? null : sequence; // before the next column is read
        return new TimelineEntry(row.getTimestamp("occurred_at").toInstant(), row.getString("event_id"),
                row.getString("case_id"), row.getString("service"), row.getString("type"),
                row.getInt("schema_version"), row.getString("aggregate_type"), row.getString("aggregate_id"),
                aggregateSequence, row.getString("actor"), row.getString("actor_role"),
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
