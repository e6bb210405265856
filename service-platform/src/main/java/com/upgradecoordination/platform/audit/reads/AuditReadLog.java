package com.upgradecoordination.platform.audit.reads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code audit_read} table: every audit read is written here before it is served (SPEC A5). */
public class AuditReadLog {

    static final int MAX_TARGET = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditReadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String principal, String role, String method, String target, String correlationId) {
        jdbc.sql("""
                        INSERT INTO audit_read (principal, role, method, target, correlation_id, read_at)
                        VALUES (:principal, :role, :method, :target, :correlationId, :at)""")
                .param("principal", principal)
                .param("role", role)
                .param("method", method)
                .param("target", target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target)
                .param("correlationId", correlationId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Recorded reads, oldest first, optionally of one principal and within {@code [from, to)}.
     *
     * @param afterId continue after this id (the previous page's {@code nextAfterId}); 0 for the first page
     */
    public AuditReadPage list(String principal, Instant from, Instant to, long afterId, int limit) {
        List<AuditRead> reads = jdbc.sql("""
                        SELECT id, principal, role, method, target, correlation_id, read_at FROM audit_read
                        WHERE id > :afterId
                          AND (CAST(:principal AS VARCHAR(255)) IS NULL OR principal = :principal)
                          AND read_at >= :from AND read_at < :to
                        ORDER BY id LIMIT :limit""")
                .param("afterId", afterId)
                .param("principal", principal)
                .param("from", Timestamp.from(from == null ? Instant.EPOCH : from))
                .param("to", Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to))
                .param("limit", limit + 1)
                .query((row, number) -> new AuditRead(row.getLong("id"), row.getString("principal"),
                        row.getString("role"), row.getString("method"), row.getString("target"),
                        row.getString("correlation_id"), row.getTimestamp("read_at").toInstant()))
                .list();
        if (reads.size() > limit) {
            List<AuditRead> page = reads.subList(0, limit);
            return new AuditReadPage(List.copyOf(page), page.get(limit - 1).id());
        }
        return new AuditReadPage(reads, null);
    }
}
