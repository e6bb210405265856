package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An engagement with a long stream (issue 13's rehydration targets): built by recording requirements
 * again and again (three events each, the size matched and the recommendation flipping; those
 * commands timed too: one in about 17 triggers a snapshot), then timed: a command on it (loaded from
 * its latest snapshot), its state as of the last and the middle event (a replay of every event
 * before that point: no snapshot), and the verification of its chain.
 * Beside the command, the same command on a new engagement (under ten events, never snapshotted),
 * taken in turn with it: what loading the long one costs is the difference, the rest of a command
 * (the HTTP edge, the append, its hash-chain link, the commit) being the same in both.
 */
final class LongAggregate {

    record Figures(long events, double buildingP50Millis, double buildingP95Millis, double buildingP99Millis,
                   double commandP50Millis, double shortCommandP50Millis,
                   double stateAsOfLastP50Millis, double stateAsOfMiddleP50Millis, double verifyP50Millis) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMED = 15;
    /** Commands are short: more of them per timed read, for a steadier median. */
    private static final int COMMANDS_PER_READ = 4;

    private final HttpLoad http;
    private final String auditor = TestTokens.token("ada.auditor", "AUDITOR");

    LongAggregate(HttpLoad http) {
        this.http = http;
    }

    /** Builds an engagement of at least {@code events} events and times the reads and a command on it. */
    Figures measure(int events) throws IOException, InterruptedException {
        String engagementId = http.open();
        Histogram building = new Histogram(60_000_000L, 3);
        long stored = 1;
        for (long command = 0; stored < events; command++) {
            long users = command % 2 == 0 ? 6000 : 1000;
            time(building, () -> http.recordRequirements(engagementId, users));
            stored += 3;
        }
        String verifyPath = "/audit/aggregates/" + engagementId + "/verify";
        long links = JSON.readTree(http.call("GET", verifyPath, null, auditor, 200)).get("linksChecked").asLong();
        Histogram command = new Histogram(60_000_000L, 3);
        Histogram shortCommand = new Histogram(60_000_000L, 3);
        Histogram asOfLast = new Histogram(60_000_000L, 3);
        Histogram asOfMiddle = new Histogram(60_000_000L, 3);
        Histogram verify = new Histogram(60_000_000L, 3);
        for (int i = 0; i < TIMED; i++) {
            String shortEngagementId = http.open();
            for (int c = 0; c < COMMANDS_PER_READ; c++) {
                long users = 6000 + c % 2;
                time(command, () -> http.recordRequirements(engagementId, users));
                time(shortCommand, () -> http.recordRequirements(shortEngagementId, users));
            }
            time(asOfLast, () -> http.call("GET", "/audit/aggregates/" + engagementId + "/state", null, auditor, 200));
            time(asOfMiddle, () -> http.call("GET", "/audit/aggregates/" + engagementId + "/state?asOfSequence="
                    + links / 2, null, auditor, 200));
            time(verify, () -> {
                JsonNode verified = JSON.readTree(http.call("GET", verifyPath, null, auditor, 200));
                if (!"INTACT".equals(verified.get("status").asString())) {
                    throw new IllegalStateException("The long engagement's chain is not intact: " + verified);
                }
            });
        }
        return new Figures(links, p50(building), percentile(building, 95), percentile(building, 99),
                p50(command), p50(shortCommand), p50(asOfLast), p50(asOfMiddle), p50(verify));
    }

    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private static void time(Histogram histogram, Call call) throws IOException, InterruptedException {
        long start = System.nanoTime();
        call.run();
        histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
    }

    private static double p50(Histogram histogram) {
        return percentile(histogram, 50);
    }

    private static double percentile(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
