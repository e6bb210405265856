package com.upgradecoordination.coordination.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.ClosingOutcome;
import com.upgradecoordination.coordination.api.DeploymentType;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.EngagementReason;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.devsupport.TestPostgres;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engagement read model's version guard on PostgreSQL and on H2 (the local run's database, D7):
 * events handled in batches as the engagement-summary processor hands them over; an event the row
 * already has (a replay over kept rows, a redelivery) changes nothing, whether in a later batch or
 * in the same one.
 */
class EngagementSummaryUpdaterTest {

    static final String ID = "eng-1";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static List<Named<DataSource>> databases;

    NamedParameterJdbcTemplate jdbc;
    AnnotationEventHandlerAdapter handlers;

    @BeforeAll
    static void migrate() {
        TestPostgres.Database postgres = TestPostgres.freshDatabase("engagement_summary");
        databases = List.of(
                Named.of("PostgreSQL", new DriverManagerDataSource(postgres.url(), postgres.username(),
                        postgres.password())),
                Named.of("H2", EmbeddedH2.migrated()));
        databases.forEach(database -> Flyway.configure().dataSource(database.getPayload())
                .locations("classpath:db/coordination-service").load().migrate());
    }

    static List<Named<DataSource>> databases() {
        return databases;
    }

    /** A fresh updater on the database, its tables emptied as before a rebuild. */
    private void on(DataSource database) {
        jdbc = new NamedParameterJdbcTemplate(database);
        EngagementSummaryUpdater updater = new EngagementSummaryUpdater(jdbc, JsonMapper.builder().build());
        updater.dropAll();
        handlers = new AnnotationEventHandlerAdapter(updater);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReplayedOlderEventDoesNotChangeTheEngagementsRow(DataSource database) throws Exception {
        on(database);
        List<EventMessage<?>> history = history();
        handle(history);
        Map<String, Object> row = row();
        List<Map<String, Object>> steps = steps();
        assertThat(row).containsEntry("status", "CLOSED_COMPLETED").containsEntry("reference_size", "3k")
                .containsEntry("version", 4L);
        assertThat(steps).hasSize(1);

        // the processor hands the opening, the requirements and the step over again
        handle(history.subList(0, 4));

        assertThat(row()).isEqualTo(row);
        assertThat(steps()).isEqualTo(steps);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventTheBatchAppliedAlreadyIsSkipped(DataSource database) throws Exception {
        on(database);
        List<EventMessage<?>> history = history();
        List<EventMessage<?>> batch = new ArrayList<>(history);
        batch.add(history.get(1));
        batch.add(history.get(0));

        handle(batch);

        assertThat(row()).containsEntry("status", "CLOSED_COMPLETED").containsEntry("reference_size", "3k")
                .containsEntry("version", 4L).containsEntry("customer_organisation", "Acme");
    }

    /** Opened, requirements recorded, sized, a deviation step taken, closed: sequence numbers 0 to 4. */
    private static List<EventMessage<?>> history() {
        return List.of(
                event(0, new EngagementOpenedEvent(ID, "Acme", "casey.csm", Set.of(EngagementReason.GROWTH),
                        DeploymentType.HELM)),
                event(1, new RequirementsRecordedEvent(ID, 1000, 3000, 12, null, false, false,
                        LocalDate.parse("2026-09-30"))),
                event(2, new ReferenceArchitectureMatchedEvent(ID, "3k", "casey.csm")),
                event(3, new ExpectationsSetEvent(ID, 0)),
                event(4, new EngagementClosedEvent(ID, ClosingOutcome.COMPLETED, "done")));
    }

    private static EventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Engagement", ID, sequence, payload,
                Map.of(AuditMetadata.ACTOR, "casey.csm"), "event-" + sequence, T0.plusSeconds(60 * sequence));
    }

    /** One unit of work of the processor: the batch's rows are written when it commits. */
    private void handle(List<EventMessage<?>> events) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        ResultMessage<Object> result = batch.executeWithResult(() -> handlers.handle(batch.getMessage()));
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("SELECT * FROM engagement_summary WHERE engagement_id = :id", Map.of("id", ID));
    }

    private List<Map<String, Object>> steps() {
        return jdbc.queryForList("SELECT * FROM engagement_deviation_step WHERE engagement_id = :id",
                Map.of("id", ID));
    }
}
