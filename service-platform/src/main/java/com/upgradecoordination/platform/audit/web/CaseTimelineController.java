package com.upgradecoordination.platform.audit.web;

import com.upgradecoordination.platform.audit.timeline.CaseTimeline;
import com.upgradecoordination.platform.audit.timeline.TimelineEntry;
import com.upgradecoordination.platform.audit.timeline.TimelineExport;
import com.upgradecoordination.platform.web.QueryDates;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** One chronological view of a case across the services, from the topics (SPEC A3), and its export. */
@RestController
public class CaseTimelineController extends AuditEndpoints {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** The JSON view. */
    public record Timeline(String caseId, List<TimelineEntry> entries) {
    }

    private final CaseTimeline timeline;
    private final JsonMapper jsonMapper;

    public CaseTimelineController(CaseTimeline timeline, JsonMapper jsonMapper) {
        this.timeline = timeline;
        this.jsonMapper = jsonMapper;
    }

    /**
     * The case's events in time order, within [from, to) and of one type when given;
     * {@code format=jsonl} or {@code format=csv} exports them as a file.
     */
    @GetMapping("/audit/cases/{caseId}/timeline")
    public Mono<ResponseEntity<?>> timeline(@PathVariable String caseId,
                                            @RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(required = false) String type,
                                            @RequestParam(defaultValue = "json") String format) {
        if (!List.of("json", "jsonl", "csv").contains(format)) {
            throw new IllegalArgumentException("format: must be one of json, jsonl, csv");
        }
        QueryDates.within("from", from);
        QueryDates.within("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        String eventType = type == null || type.isBlank() ? null : type.strip();
        return blocking(() -> {
            List<TimelineEntry> entries = timeline.of(caseId, from, to, eventType);
            if (format.equals("json")) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Timeline(caseId, entries));
            }
            boolean csv = format.equals("csv");
            return ResponseEntity.ok()
                    .contentType(csv ? CSV : JSON_LINES)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId.replaceAll(
                            "[^A-Za-z0-9._-]", "_") + "-timeline." + format + "\"")
                    .body(csv ? TimelineExport.csv(entries) : TimelineExport.jsonLines(entries, jsonMapper));
        });
    }
}
