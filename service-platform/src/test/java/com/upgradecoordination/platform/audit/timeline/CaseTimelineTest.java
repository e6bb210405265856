package com.upgradecoordination.platform.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A poll's envelopes written at once, on H2 in PostgreSQL mode (the local run's database). */
class CaseTimelineTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final DataSource dataSource = migrated();
    final CaseTimeline timeline = new CaseTimeline(new NamedParameterJdbcTemplate(dataSource),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)), json);

    static DataSource migrated() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        return dataSource;
    }

    static EventEnvelope envelope(String eventId, String caseId, int second, Actor actor, long sequence) {
        return new EventEnvelope(eventId, caseId, "coordination-service", "Engagement", caseId, sequence,
                "RequirementsRecorded", 1, T0.plusSeconds(second), actor, "corr-1", null, null,
                json.readTree("{\"second\":" + second + "}"));
    }

    static CaseTimeline.Received received(EventEnvelope envelope, long offset) {
        return new CaseTimeline.Received(envelope, "upgrade.coordination.events-0@" + offset);
    }

    @Test
    void aPollIsWrittenOnceWhateverItRepeats() {
        EventEnvelope first = envelope("event-1", "case-1", 1, new Actor("casey.csm", "CSM"), 0);
        EventEnvelope unattributed = envelope("event-2", "case-1", 2, null, -1);
        EventEnvelope otherCase = envelope("event-3", "case-2", 3, new Actor("casey.csm", "CSM"), 0);

        timeline.addAll(List.of(received(first, 0), received(unattributed, 1), received(first, 2),
                received(otherCase, 3)));
        timeline.addAll(List.of(received(unattributed, 1), received(first, 0))); // the poll read again
        timeline.addAll(List.of());

        List<TimelineEntry> entries = timeline.of("case-1", null, null, null);
        assertThat(entries).extracting(TimelineEntry::eventId).containsExactly("event-1", "event-2");
        assertThat(entries.get(0).actor()).isEqualTo("casey.csm");
        assertThat(entries.get(0).aggregateSequence()).isZero();
        assertThat(entries.get(1).actor()).isNull();
        assertThat(entries.get(1).aggregateSequence()).isNull();
        assertThat(entries.get(1).payload().get("second").asInt()).isEqualTo(2);
        assertThat(timeline.of("case-2", null, null, null)).hasSize(1);
    }

    @Test
    void aPollThatCannotBeWrittenWhollyLeavesNothingSoItCanBeRetried() {
        EventEnvelope fits = envelope("event-1", "case-1", 1, null, 0);
        EventEnvelope tooLong = envelope("e".repeat(101), "case-1", 2, null, 1); // event_id is VARCHAR(100)

        assertThatThrownBy(() -> timeline.addAll(List.of(received(fits, 0), received(tooLong, 1))))
                .isInstanceOf(DataAccessException.class);

        assertThat(timeline.of("case-1", null, null, null)).isEmpty();
    }
}
