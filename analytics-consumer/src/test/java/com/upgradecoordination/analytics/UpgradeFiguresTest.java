package com.upgradecoordination.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.analytics.RecordedTopics.Line;
import com.upgradecoordination.analytics.UpgradeFigures.Records;
import com.upgradecoordination.analytics.UpgradeFigures.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradeFiguresTest {

    private final RecordedTopics recorded = RecordedTopics.load();

    @Test
    void theRecordedTopicsGiveEachFigureExactly() {
        assertThat(figuresOf(recorded.lines())).isEqualTo(ExpectedFigures.OF_RECORDED_TOPICS);
    }

    @Test
    void onlyTheOrderWithinACaseMatters() {
        // each case's records of each topic stay in order; cases and topics are interleaved otherwise,
        // the last case first: the review topic's verdicts now come before the requests they answer
        List<Deque<Line>> cases = new ArrayList<>(byTopicAndCase(recorded.lines()).values());
        Collections.reverse(cases);
        List<Line> interleaved = new ArrayList<>();
        while (cases.stream().anyMatch(lines -> !lines.isEmpty())) {
            cases.stream().filter(lines -> !lines.isEmpty()).forEach(lines -> interleaved.add(lines.poll()));
        }
        assertThat(interleaved).isNotEqualTo(recorded.lines()).hasSameSizeAs(recorded.lines());

        assertThat(figuresOf(interleaved)).isEqualTo(ExpectedFigures.OF_RECORDED_TOPICS);
    }

    @Test
    void readingEverythingAgainCountsNothingTwice() {
        List<Line> twice = new ArrayList<>(recorded.lines());
        twice.addAll(recorded.lines());

        Snapshot figures = figuresOf(twice);

        Records once = ExpectedFigures.RECORDS_READ_ONCE;
        assertThat(figures.records()).isEqualTo(new Records(2 * once.read(), once.counted(),
                once.duplicates() + once.counted() + once.duplicates(), 2 * once.unknownContracts(),
                2 * once.notNeeded(), 2 * once.notEnvelopes()));
        assertThat(withoutRecords(figures)).isEqualTo(withoutRecords(ExpectedFigures.OF_RECORDED_TOPICS));
    }

    @Test
    void aVerdictPublishedOnlyAsVersion1CountsToo() {
        UpgradeFigures figures = new UpgradeFigures();
        figures.accept("""
                {"eventId":"e-1","caseId":"eng-9","type":"SupportReviewRequested","schemaVersion":1,
                 "occurredAt":"2026-11-02T09:00:00Z","payload":{"engagementId":"eng-9","reviewId":"rev-9","planVersion":1}}""");
        figures.accept("""
                {"eventId":"e-2","caseId":"eng-9","type":"SupportReviewCompleted","schemaVersion":1,
                 "occurredAt":"2026-11-02T21:00:00Z","payload":{"reviewId":"rev-9","engagementId":"eng-9","planVersion":1,
                 "verdict":"SUPPORTABLE","reviewerLevel":"SUPPORT_MANAGER"}}""");

        assertThat(figures.snapshot().supportReviewLeadTime())
                .isEqualTo(new UpgradeFigures.LeadTime(1, 0, "PT12H", "PT12H"));
    }

    private static Snapshot figuresOf(List<Line> lines) {
        UpgradeFigures figures = new UpgradeFigures();
        lines.forEach(line -> figures.accept(line.value()));
        return figures.snapshot();
    }

    private static Snapshot withoutRecords(Snapshot snapshot) {
        return new Snapshot(snapshot.engagementsBySizeAndStep(), snapshot.deviationRateBySize(),
                snapshot.supportReviewLeadTime(), snapshot.onHold(), snapshot.notifications(), null);
    }

    private static Map<String, Deque<Line>> byTopicAndCase(List<Line> lines) {
        Map<String, Deque<Line>> cases = new LinkedHashMap<>();
        lines.forEach(line -> cases.computeIfAbsent(line.topic() + "/" + line.key(), key -> new ArrayDeque<>()).add(line));
        return cases;
    }
}
