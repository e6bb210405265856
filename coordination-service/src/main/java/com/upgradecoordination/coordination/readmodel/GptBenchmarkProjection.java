package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.GptBenchmarkRegisteredEvent;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code gpt_benchmark}, the benchmark register's list, in step with the event store. */
@Component
@ProcessingGroup("gpt-benchmarks")
public class GptBenchmarkProjection {

    private final JdbcClient jdbc;

    public GptBenchmarkProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GptBenchmarkRegisteredEvent event, @Timestamp Instant at, MetaData metaData) {
        AuditMetadata audit = AuditMetadata.from(metaData);
        // a replay after a crash before the token moved finds the row already there
        jdbc.sql("DELETE FROM gpt_benchmark WHERE size = :size AND version = :version")
                .param("size", event.size()).param("version", event.version())
                .update();
        jdbc.sql("""
                        INSERT INTO gpt_benchmark (size, version, gitlab_version, gpt_version, load_profile, run_date,
                            overall_score, test_count, source_url, published_on, registered_by, registered_role,
                            registered_at, origin)
                        VALUES (:size, :version, :gitlabVersion, :gptVersion, :loadProfile, :runDate, :score, :tests,
                            :sourceUrl, :publishedOn, :by, :role, :at, :origin)""")
                .param("size", event.size())
                .param("version", event.version())
                .param("gitlabVersion", event.gitlabVersion())
                .param("gptVersion", event.gptVersion())
                .param("loadProfile", event.loadProfile())
                .param("runDate", event.runDate())
                .param("score", event.overallScore())
                .param("tests", event.testCount())
                .param("sourceUrl", event.sourceUrl())
                .param("publishedOn", event.publishedOn())
                .param("by", audit.actor().principal())
                .param("role", audit.actor().role())
                .param("at", java.sql.Timestamp.from(at))
                .param("origin", audit.origin())
                .update();
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM gpt_benchmark").update();
    }

    /** Every registered version, of one size or of all, smallest size first; the newest of a size marked latest. */
    public List<GptBenchmarkEntry> list(String size) {
        var statement = jdbc.sql("""
                SELECT b.*, (b.version = (SELECT MAX(l.version) FROM gpt_benchmark l WHERE l.size = b.size)) AS latest
                FROM gpt_benchmark b""" + (size == null ? "" : " WHERE b.size = :size")
                // sizes in ascending order: 1k ... 5k before 10k ... 50k
                + " ORDER BY LENGTH(b.size), b.size, b.version");
        if (size != null) {
            statement = statement.param("size", size);
        }
        return statement.query((rs, row) -> new GptBenchmarkEntry(rs.getString("size"), rs.getInt("version"),
                        rs.getBoolean("latest"), rs.getString("gitlab_version"), rs.getString("gpt_version"),
                        rs.getString("load_profile"), rs.getString("run_date"), rs.getDouble("overall_score"),
                        rs.getInt("test_count"), rs.getString("source_url"), rs.getDate("published_on").toLocalDate(),
                        rs.getString("registered_by"), rs.getString("registered_role"),
                        rs.getTimestamp("registered_at").toInstant(), rs.getString("origin")))
                .list();
    }
}
