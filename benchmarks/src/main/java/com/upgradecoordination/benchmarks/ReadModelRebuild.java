package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read model rebuilt from the whole event store ({@code POST /audit/read-models/{name}/rebuild}),
 * timed in two parts: the request, which answers once the processor has stopped and its tokens are
 * reset, and the replay, from that answer until the processor is back at the head of the store.
 * The request waits for the processor's worker, which, caught up, waits up to a second (Axon's event
 * availability timeout) for an event before it sees it is asked to stop: a fixed wait of 0-1 s that
 * rebuild rates measured from the request included, as much as the replay of a small store itself.
 */
final class ReadModelRebuild {

    /**
     * @param requestMillis the request: the processor stopped and its tokens reset
     * @param perSecond     the replay's rate: events over the time from that answer until caught up
     * @param fromRequestPerSecond the rate from the request until caught up (what this figure was until 2026-12-06)
     */
    record Figures(long events, double requestMillis, double perSecond, double fromRequestPerSecond) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpLoad http;
    private final String operator = TestTokens.token("sam.manager", "SUPPORT_MANAGER");

    ReadModelRebuild(HttpLoad http) {
        this.http = http;
    }

    Figures rebuild(String readModel, Duration within) throws IOException, InterruptedException {
        String path = "/audit/read-models/" + readModel;
        long start = System.nanoTime();
        http.call("POST", path + "/rebuild", null, operator, 202);
        long reset = System.nanoTime();
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = JSON.readTree(http.call("GET", path, null, operator, 200));
            long total = progress.get("eventsTotal").asLong();
            if (progress.get("state").asString().equals("RUNNING") && progress.get("eventsDone").asLong() >= total) {
                long caughtUp = System.nanoTime();
                return new Figures(total, (reset - start) / 1e6, total / ((caughtUp - reset) / 1e9),
                        total / ((caughtUp - start) / 1e9));
            }
            if (progress.get("state").asString().equals("ERROR")) {
                throw new IllegalStateException(readModel + " failed while rebuilding: " + progress);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(readModel + " was not rebuilt within " + within);
    }
}
