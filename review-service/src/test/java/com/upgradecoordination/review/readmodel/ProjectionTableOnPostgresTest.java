package com.upgradecoordination.review.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.devsupport.TestPostgres;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The platform's {@link ProjectionTable} on PostgreSQL: its version guard and update time. It
 * lives here, beside a projection using it, because dev-support (and so TestPostgres) depends on
 * the platform and the platform's own tests cannot reach it.
 */
class ProjectionTableOnPostgresTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static NamedParameterJdbcTemplate jdbc;

    ProjectionTable items = new ProjectionTable(jdbc, "item", "item_id");

    @BeforeAll
    static void database() {
        TestPostgres.Database database = TestPostgres.freshDatabase("projection_table");
        jdbc = new NamedParameterJdbcTemplate(
                new DriverManagerDataSource(database.url(), database.username(), database.password()));
        jdbc.getJdbcOperations().execute("""
                CREATE TABLE item (
                    item_id    VARCHAR(20) PRIMARY KEY,
                    name       VARCHAR(50),
                    hits       INTEGER NOT NULL,
                    seen_at    TIMESTAMP WITH TIME ZONE,
                    version    BIGINT NOT NULL,
                    updated_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
    }

    @BeforeEach
    void empty() {
        items.deleteAll();
    }

    @Test
    void aNewerEventAppliesAndStampsItsVersionAndTime() {
        assertThat(items.insert("i-1", 0, T0, Columns.of("name", "first", "hits", 0))).isTrue();

        assertThat(items.update("i-1", 3, T0.plusSeconds(30), Columns.of("name", "renamed", "seen_at", T0)))
                .isTrue();

        assertThat(row("i-1")).containsEntry("name", "renamed").containsEntry("version", 3L)
                .containsEntry("updated_at", T0.plusSeconds(30)).containsEntry("seen_at", T0);
    }

    @Test
    void aStaleEventIsIgnored() {
        items.insert("i-1", 0, T0, Columns.of("name", "first", "hits", 0));
        items.update("i-1", 5, T0.plusSeconds(50), Columns.of("name", "fifth"));

        assertThat(items.update("i-1", 4, T0.plusSeconds(40), Columns.of("name", "fourth"))).isFalse();

        assertThat(row("i-1")).containsEntry("name", "fifth").containsEntry("version", 5L)
                .containsEntry("updated_at", T0.plusSeconds(50));
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        items.insert("i-1", 0, T0, Columns.of("name", "first", "hits", 0));
        Columns hit = Columns.of().compute("hits", "hits + 1");

        assertThat(items.update("i-1", 1, T0, hit)).isTrue();
        assertThat(items.update("i-1", 1, T0, hit)).isFalse();

        assertThat(row("i-1")).containsEntry("hits", 1);
    }

    @Test
    void aReplayedCreationKeepsTheRow() {
        items.insert("i-1", 0, T0, Columns.of("name", "first", "hits", 0));
        items.update("i-1", 1, T0.plusSeconds(10), Columns.of("name", "second"));

        assertThat(items.insert("i-1", 0, T0, Columns.of("name", "first", "hits", 0))).isFalse();

        assertThat(row("i-1")).containsEntry("name", "second").containsEntry("version", 1L);
    }

    @Test
    void anEventOfAnUnknownRowChangesNothing() {
        assertThat(items.update("i-9", 1, T0, Columns.of("name", "nobody"))).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Map.of(), Long.class)).isZero();
    }

    @Test
    void aBatchWritesWholeRowsUnderTheSameGuard() {
        items.insertAll(List.of(whole("i-1", "first", 0, T0), whole("i-2", "first", 0, T0)));
        items.update("i-2", 7, T0.plusSeconds(70), Columns.of("name", "seventh"));

        items.updateAll(List.of(whole("i-1", "batched", 6, T0.plusSeconds(60)),
                whole("i-2", "batched", 6, T0.plusSeconds(60))));

        assertThat(row("i-1")).containsEntry("name", "batched").containsEntry("version", 6L)
                .containsEntry("updated_at", T0.plusSeconds(60)).containsEntry("seen_at", null);
        assertThat(row("i-2")).as("newer than the batch").containsEntry("name", "seventh")
                .containsEntry("version", 7L);
        assertThat(ProjectionTable.applies(6, 5)).isTrue();
        assertThat(ProjectionTable.applies(6, 6)).isFalse();
    }

    @Test
    void theIdVersionAndUpdateTimeAreTheTablesToWrite() {
        assertThatThrownBy(() -> items.update("i-1", 1, T0, Columns.of("version", 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Columns.of("name; DROP TABLE item", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Columns whole(String id, String name, long version, Instant at) {
        return Columns.of("item_id", id, "name", name, "hits", 0, "version", version, "updated_at", at)
                .set("seen_at", null, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static Map<String, Object> row(String id) {
        return jdbc.query("SELECT name, hits, seen_at, version, updated_at FROM item WHERE item_id = :id",
                Map.of("id", id), (rs, index) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("hits", rs.getInt("hits"));
                    row.put("seen_at", rs.getTimestamp("seen_at") == null ? null
                            : rs.getTimestamp("seen_at").toInstant());
                    row.put("version", rs.getLong("version"));
                    row.put("updated_at", rs.getTimestamp("updated_at").toInstant());
                    return row;
                }).get(0);
    }
}
