package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.GptBenchmarkRegisteredEvent;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.readmodel.Columns;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code gpt_benchmark}, the benchmark register's list, in step with the event store: a row
 * per registered version, written once by the event that registered it, so not a
 * {@link com.upgradecoordination.platform.readmodel.ProjectionTable} of one row per aggregate.
 * {@link GptBenchmarkProjection} reads it.
 */
@Component
@ProcessingGroup("gpt-benchmarks")
class GptBenchmarkUpdater {

    private final NamedParameterJdbcTemplate jdbc;

    GptBenchmarkUpdater(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GptBenchmarkRegisteredEvent event, @Timestamp Instant at, MetaData metaData) {
        AuditMetadata audit = AuditMetadata.from(metaData);
        Columns row = Columns.of("size", event.size(), "version", event.version(),
                "gitlab_version", event.gitlabVersion(), "gpt_version", event.gptVersion(),
                "load_profile", event.loadProfile(), "run_date", event.runDate(),
                "overall_score", event.overallScore(), "test_count", event.testCount(),
                "source_url", event.sourceUrl(), "published_on", event.publishedOn(),
                "registered_by", audit.actor().principal(), "registered_role", audit.actor().role(),
                "registered_at", at, "origin", audit.origin());
        // a replay after a crash before the token moved finds the row already there
        jdbc.update("""
                INSERT INTO gpt_benchmark (size, version, gitlab_version, gpt_version, load_profile, run_date,
                    overall_score, test_count, source_url, published_on, registered_by, registered_role,
                    registered_at, origin)
                VALUES (:size, :version, :gitlab_version, :gpt_version, :load_profile, :run_date, :overall_score,
                    :test_count, :source_url, :published_on, :registered_by, :registered_role, :registered_at,
                    :origin)
                ON CONFLICT DO NOTHING""", row.parameters());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM gpt_benchmark", Map.of());
    }
}
