package com.upgradecoordination.faulttests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table the suite prints: per fault, its cycles, the events stored in its windows, and what went wrong in them. */
final class Report {

    private static final class Row {
        int cycles;
        long events;
        long lost;
        long doubled;
        long unanswered;
        long requests;
        Duration maxRecovery = Duration.ZERO;
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Timeline timeline;
    private final Audit audit;
    private final List<Http.Call> unanswered = new ArrayList<>();
    private final List<Audit.Finding> broken;

    Report(Timeline timeline, Map<String, List<Duration>> recoveries, Audit audit, Collection<Http.Call> calls,
           List<Audit.Finding> broken) {
        this.timeline = timeline;
        this.audit = audit;
        this.broken = broken;
        rows.put(FaultInjectionIT.WARM_UP, new Row());
        for (FaultInjectionIT.Fault fault : FaultInjectionIT.Fault.values()) {
            rows.put(fault.label, new Row());
        }
        rows.put(FaultInjectionIT.WRITERS_ROW, new Row());
        recoveries.forEach((label, times) -> {
            Row row = row(label);
            row.cycles = times.size();
            row.maxRecovery = times.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        });
        audit.stored.forEach(event -> row(timeline.labelAt(event.atMillis())).events++);
        audit.lost.forEach(finding -> row(timeline.labelAt(finding.atMillis())).lost++);
        audit.doubled.forEach(finding -> row(timeline.labelAt(finding.atMillis())).doubled++);
        for (Http.Call call : calls) {
            Row row = row(timeline.labelAt(call.startedAtMillis()));
            row.requests++;
            if (call.kind() == Http.Kind.UNANSWERED) {
                row.unanswered++;
                unanswered.add(call);
            }
        }
    }

    private Row row(String label) {
        return rows.computeIfAbsent(label.equals("after") ? FaultInjectionIT.WRITERS_ROW : label, l -> new Row());
    }

    List<Http.Call> unanswered() {
        return unanswered;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        String format = "| %-62s | %6s | %7s | %8s | %4s | %7s | %10s | %13s |%n";
        out.append(String.format(format, "fault", "cycles", "events", "requests", "lost", "doubled", "unanswered",
                "max recovery"));
        out.append(String.format(format, "-".repeat(62), "-----:", "------:", "-------:", "---:", "------:", "---------:",
                "------------:"));
        Row total = new Row();
        rows.forEach((label, row) -> {
            out.append(String.format(format, label, row.cycles, row.events, row.requests, row.lost, row.doubled,
                    row.unanswered, row.cycles == 0 ? "" : String.format("%.1f s", row.maxRecovery.toMillis() / 1000.0)));
            total.cycles += row.cycles;
            total.events += row.events;
            total.requests += row.requests;
            total.lost += row.lost;
            total.doubled += row.doubled;
            total.unanswered += row.unanswered;
            if (row.maxRecovery.compareTo(total.maxRecovery) > 0) {
                total.maxRecovery = row.maxRecovery;
            }
        });
        out.append(String.format(format, "all", total.cycles, total.events, total.requests, total.lost, total.doubled,
                total.unanswered, String.format("%.1f s", total.maxRecovery.toMillis() / 1000.0)));
        return out.toString();
    }

    void details(StringBuilder out) {
        audit.lost.stream().limit(50).forEach(f -> out.append("LOST (").append(timeline.labelAt(f.atMillis())).append("): ")
                .append(f.kind()).append(": ").append(f.what()).append('\n'));
        audit.doubled.stream().limit(50).forEach(f -> out.append("DOUBLED (").append(timeline.labelAt(f.atMillis()))
                .append("): ").append(f.kind()).append(": ").append(f.what()).append('\n'));
        unanswered.stream().limit(50).forEach(c -> out.append("UNANSWERED: ").append(c).append('\n'));
        broken.forEach(f -> out.append("BROKEN: ").append(f.what()).append('\n'));
    }
}
