package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The engagement read model's rows as one batch of events (one unit of work of the
 * engagement-summary processor) changes them (D14): the rows of every engagement in the batch are
 * read with one query when the first event needs one, every event changes them in memory, and each
 * table is written with one JDBC batch when the unit of work commits, in its transaction with the
 * processor's token. An event applies only to a row older than itself ({@link ProjectionTable#applies}),
 * here in memory and again in the batch's update.
 */
final class EngagementRows {

    private static final String RESOURCE = EngagementRows.class.getName();

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionTable summaries;
    private final Map<String, EngagementRow> rows = new HashMap<>();
    private final Set<String> loaded = new LinkedHashSet<>();
    private final Set<String> inserted = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Map<DeviationStepDone.Key, DeviationStepDone> steps = new LinkedHashMap<>();
    private final Set<DeviationStepDone.Key> stepsChanged = new LinkedHashSet<>();

    private EngagementRows(NamedParameterJdbcTemplate jdbc, ProjectionTable summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    /** The rows of the current unit of work, written to {@code summaries} (and the steps' table) when it commits. */
    static EngagementRows ofCurrentBatch(NamedParameterJdbcTemplate jdbc, ProjectionTable summaries) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            EngagementRows batch = new EngagementRows(jdbc, summaries);
            unitOfWork.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    /**
     * A new engagement's row, for its first event; empty when the row stored is as new or newer (the
     * event is replayed).
     */
    Optional<EngagementRow> open(String engagementId, long sequence) {
        Optional<EngagementRow> stored = row(engagementId);
        if (stored.isPresent() && !ProjectionTable.applies(sequence, stored.get().version())) {
            return Optional.empty();
        }
        EngagementRow row = EngagementRow.opened(engagementId);
        rows.put(engagementId, row);
        if (stored.isEmpty()) {
            inserted.add(engagementId);
        } else {
            changed(engagementId);
        }
        return Optional.of(row);
    }

    /**
     * The engagement's row as this batch has it so far, for an event of the sequence number; empty
     * when it was never opened or already has the event (a replay, a redelivery).
     */
    Optional<EngagementRow> applicable(String engagementId, long sequence) {
        return row(engagementId).filter(row -> ProjectionTable.applies(sequence, row.version()));
    }

    /** The engagement's row as this batch has it so far, empty if it was never opened. */
    Optional<EngagementRow> row(String engagementId) {
        load(engagementId);
        return Optional.ofNullable(rows.get(engagementId));
    }

    void changed(String engagementId) {
        if (!inserted.contains(engagementId)) {
            changed.add(engagementId);
        }
    }

    /** Step name -> record, of the steps done on the plan version. */
    Map<String, DeviationStepDone> stepsDone(String engagementId, int planVersion) {
        load(engagementId);
        Map<String, DeviationStepDone> done = new LinkedHashMap<>();
        steps.values().stream()
                .filter(step -> step.engagementId().equals(engagementId) && step.planVersion() == planVersion)
                .forEach(step -> done.put(step.step(), step));
        return done;
    }

    /** A step done again replaces the earlier record. */
    void stepDone(DeviationStepDone step) {
        load(step.engagementId());
        steps.put(step.key(), step);
        stepsChanged.add(step.key());
    }

    /**
     * Reads the rows, and their steps, of the engagements this batch has events of and not yet read:
     * all of them at the first event, from the batch's messages' aggregate ids.
     */
    private void load(String engagementId) {
        if (loaded.contains(engagementId)) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(engagementId);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && "Engagement".equals(event.getType())) {
                    ids.add(event.getAggregateIdentifier());
                }
            }
        }
        ids.removeAll(loaded);
        Map<String, Object> parameters = Map.of("ids", ids);
        jdbc.queryForList("SELECT * FROM engagement_summary WHERE engagement_id IN (:ids)", parameters)
                .forEach(stored -> {
                    EngagementRow row = EngagementRow.of(stored);
                    rows.put(row.string("engagement_id"), row);
                });
        jdbc.query("SELECT " + DeviationStepDone.COLUMNS + " FROM engagement_deviation_step "
                + "WHERE engagement_id IN (:ids)", parameters, stored -> {
            DeviationStepDone step = DeviationStepDone.of(stored);
            steps.put(step.key(), step);
        });
        loaded.addAll(ids);
    }

    private void write() {
        summaries.insertAll(inserted.stream().map(id -> rows.get(id).columns()).toList());
        summaries.updateAll(changed.stream().map(id -> rows.get(id).columns()).toList());
        List<SqlParameterSource> stepsToWrite = stepsChanged.stream().map(steps::get)
                .map(EngagementRows::stepParameters).toList();
        if (!stepsToWrite.isEmpty()) {
            SqlParameterSource[] batch = stepsToWrite.toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate("DELETE FROM engagement_deviation_step WHERE engagement_id = :engagement_id "
                    + "AND plan_version = :plan_version AND step = :step", batch);
            jdbc.batchUpdate("INSERT INTO engagement_deviation_step (" + DeviationStepDone.COLUMNS + ") "
                    + "VALUES (:engagement_id, :plan_version, :step, :done_at, :done_by)", batch);
        }
    }

    private static SqlParameterSource stepParameters(DeviationStepDone step) {
        return Columns.of("engagement_id", step.engagementId(), "plan_version", step.planVersion(),
                        "step", step.step(), "done_at", step.at())
                .set("done_by", step.by(), Types.VARCHAR)
                .parameters();
    }
}
