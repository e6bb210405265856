package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read model rebuilt from the whole event store ({@code POST /audit/read-models/{name}/rebuild}),
 * timed from the request until its processor is back at the head of the store.
 */
final class ReadModelRebuild {

    record Figures(long events, double perSecond) {
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
        long deadline = start + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = JSON.readTree(http.call("GET", path, null, operator, 200));
            long total = progress.get("eventsTotal").asLong();
            if (progress.get("state").asString().equals("RUNNING") && progress.get("eventsDone").asLong() >= total) {
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Figures(total, total / seconds);
            }
            if (progress.get("state").asString().equals("ERROR")) {
                throw new IllegalStateException(readModel + " failed while rebuilding: " + progress);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(readModel + " was not rebuilt within " + within);
    }
}
