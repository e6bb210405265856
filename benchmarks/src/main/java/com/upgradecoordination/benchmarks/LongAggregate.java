package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An engagement with a long stream (issue 13's rehydration targets): built by recording requirements
 * again and again (three events each, the size matched and the recommendation flipping), then
 * timed: a command on it (loaded from its latest snapshot), its state as of the last and the middle
 * event (a replay of every event before that point: no snapshot), and the verification of its chain.
 */
final class LongAggregate {

    record Figures(long events, double commandP50Millis, double stateAsOfLastP50Millis,
                   double stateAsOfMiddleP50Millis, double verifyP50Millis) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMED = 15;

    private final HttpLoad http;
    private final String auditor = TestTokens.token("ada.auditor", "AUDITOR");

    LongAggregate(HttpLoad http) {
        this.http = http;
    }

    /** Builds an engagement of at least {@code events} events and times the reads and a command on it. */
    Figures measure(int events) throws IOException, InterruptedException {
        String engagementId = http.open();
        long stored = 1;
        for (long command = 0; stored < events; command++) {
            http.recordRequirements(engagementId, command % 2 == 0 ? 6000 : 1000);
            stored += 3;
        }
        String verifyPath = "/audit/aggregates/" + engagementId + "/verify";
        long links = JSON.readTree(http.call("GET", verifyPath, null, auditor, 200)).get("linksChecked").asLong();
        Histogram command = new Histogram(60_000_000L, 3);
        Histogram asOfLast = new Histogram(60_000_000L, 3);
        Histogram asOfMiddle = new Histogram(60_000_000L, 3);
        Histogram verify = new Histogram(60_000_000L, 3);
        for (int i = 0; i < TIMED; i++) {
            long users = 6000 + i % 2;
            time(command, () -> http.recordRequirements(engagementId, users));
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
        return new Figures(links, p50(command), p50(asOfLast), p50(asOfMiddle), p50(verify));
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
        return histogram.getValueAtPercentile(50) / 1000.0;
    }
}
