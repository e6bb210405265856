package com.upgradecoordination.coordination.readmodel;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code gpt_benchmark}, the benchmark register's list, as {@link GptBenchmarkUpdater} keeps it. */
@Component
public class GptBenchmarkProjection {

    private final JdbcClient jdbc;

    public GptBenchmarkProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
