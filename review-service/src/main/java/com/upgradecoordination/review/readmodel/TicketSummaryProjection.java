package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.domain.TicketDeadlines;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ticket_summary}, one row per ticket with its status, deficiencies, followers,
 * review-call state and pending deadlines, as {@link TicketSummaryUpdater} keeps it.
 */
@Component
public class TicketSummaryProjection {

    /** The largest page the queue answers with. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final TypeReference<List<InformationDeficiency>> DEFICIENCIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public TicketSummaryProjection(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    public Optional<TicketView> find(String ticketId) {
        return jdbc.sql("SELECT * FROM ticket_summary WHERE ticket_id = :id")
                .param("id", ticketId)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** A page of the queue, oldest ticket first (ties by id, so pages are stable). */
    public TicketQueuePage queue(TicketQueueFilter filter, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page: from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: 1 to " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> values = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            values.put("status", filter.status().name());
        }
        if (filter.assignee() != null) {
            where.append(" AND assignee = :assignee");
            values.put("assignee", filter.assignee());
        }
        if (filter.form() != null) {
            where.append(" AND form = :form");
            values.put("form", filter.form().name());
        }
        if (filter.upgradeFrom() != null) {
            where.append(" AND upgrade_date >= :from");
            values.put("from", Date.valueOf(filter.upgradeFrom()));
        }
        if (filter.upgradeTo() != null) {
            where.append(" AND upgrade_date <= :to");
            values.put("to", Date.valueOf(filter.upgradeTo()));
        }
        if (filter.deadlineBefore() != null) {
            where.append(" AND next_deadline_at <= :deadlineBefore");
            values.put("deadlineBefore", Timestamp.from(filter.deadlineBefore()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket_summary" + where).params(values)
                .query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(values);
        paged.put("limit", size);
        paged.put("offset", (long) page * size);
        List<TicketQueuePage.Item> items = jdbc.sql("SELECT * FROM ticket_summary" + where
                        + " ORDER BY created_at, ticket_id LIMIT :limit OFFSET :offset")
                .params(paged)
                .query((rs, row) -> item(rs))
                .list();
        return new TicketQueuePage(items, total, page, size);
    }

    private TicketView view(ResultSet rs) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        String csm = rs.getString("csm");
        List<TicketView.Follower> followers = csm == null ? List.of()
                : List.of(new TicketView.Follower(csm, "CSM", rs.getString("csm_source")));
        List<TicketView.PendingDeadline> deadlines = new ArrayList<>();
        addDeadline(deadlines, TicketDeadlines.REVIEW_CALL_LINK, rs.getTimestamp("call_link_due_at"));
        addDeadline(deadlines, TicketDeadlines.REVIEW_CALL, rs.getTimestamp("call_due_at"));
        addDeadline(deadlines, TicketDeadlines.ON_HOLD, rs.getTimestamp("on_hold_until"));
        deadlines.sort(Comparator.comparing(TicketView.PendingDeadline::dueAt));
        String reasons = rs.getString("postponement_reasons");
        String ticketId = rs.getString("ticket_id");
        return new TicketView(
                ticketId,
                rs.getString("case_id"),
                rs.getString("engagement_id"),
                rs.getString("organisation"),
                TicketForm.valueOf(rs.getString("form")),
                TicketPriority.valueOf(rs.getString("priority")),
                status,
                status.label(),
                rs.getString("assignee"),
                followers,
                rs.getString("pairing_engineer"),
                rs.getBoolean("information_complete"),
                jsonMapper.readValue(rs.getString("deficiencies"), DEFICIENCIES),
                localDate(rs.getDate("upgrade_date")),
                rs.getString("upgrade_timezone"),
                instant(rs.getTimestamp("upgrade_at")),
                new TicketView.ReviewCall(rs.getString("call_state"), rs.getString("call_link_timing"),
                        rs.getString("call_link_warning")),
                List.copyOf(deadlines),
                rs.getString("outcome"),
                reasons == null ? List.of() : Arrays.asList(reasons.split(",")),
                rs.getInt("migration_problems"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(),
                "/tickets/" + ticketId + "/history");
    }

    private static TicketQueuePage.Item item(ResultSet rs) throws SQLException {
        return new TicketQueuePage.Item(
                rs.getString("ticket_id"),
                rs.getString("engagement_id"),
                rs.getString("organisation"),
                TicketForm.valueOf(rs.getString("form")),
                TicketPriority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                localDate(rs.getDate("upgrade_date")),
                instant(rs.getTimestamp("upgrade_at")),
                instant(rs.getTimestamp("next_deadline_at")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static void addDeadline(List<TicketView.PendingDeadline> into, String name, Timestamp dueAt) {
        if (dueAt != null) {
            into.add(new TicketView.PendingDeadline(name, dueAt.toInstant()));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
