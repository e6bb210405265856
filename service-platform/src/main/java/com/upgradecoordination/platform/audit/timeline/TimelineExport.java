package com.upgradecoordination.platform.audit.timeline;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The case timeline as JSON lines or as CSV (RFC 4180: CRLF line ends, quoted where needed). */
public final class TimelineExport {

    private TimelineExport() {
    }

    /** One JSON object per line, each an entry as the JSON view shows it. */
    public static String jsonLines(List<TimelineEntry> entries, JsonMapper jsonMapper) {
        StringBuilder lines = new StringBuilder();
        for (TimelineEntry entry : entries) {
            lines.append(jsonMapper.writeValueAsString(entry)).append('\n');
        }
        return lines.toString();
    }

    /** A header line with {@link TimelineEntry#COLUMNS}, then one line per entry. */
    public static String csv(List<TimelineEntry> entries) {
        StringBuilder csv = new StringBuilder(line(TimelineEntry.COLUMNS));
        entries.forEach(entry -> csv.append(line(entry.values())));
        return csv.toString();
    }

    private static String line(List<String> values) {
        return values.stream().map(TimelineExport::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Empty for null; quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
