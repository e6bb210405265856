package com.upgradecoordination.platform.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One hash-chain link computed from a stored row (JMH): the nine column digests and the link's
 * hash, the CPU work per event of an append and of a verification. In the chain's package to reach
 * its internals without widening them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinkHashBenchmark {

    StoredEventRow row;
    /** One per verification or append, as the chain uses it. */
    LinkHash linkHash;

    @Setup
    public void setUp() {
        String payload = "{\"engagementId\":\"0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60\",\"currentUsers\":1800,"
                + "\"expectedUsers\":6000,\"growthHorizonMonths\":12,\"peakRps\":null,\"highAvailability\":true,"
                + "\"geo\":false,\"targetCompletionDate\":\"2029-06-30\"}";
        String metadata = "{\"actor\":\"casey.csm\",\"actorRole\":\"CSM\",\"origin\":\"HTTP PUT /engagements/{id}/"
                + "requirements\",\"correlationId\":\"5f0c2f6e-8f0e-4c1a-9a9b-2b1c0d3e4f5a\",\"traceId\":\"7d9e\"}";
        linkHash = new LinkHash();
        row = new StoredEventRow("1c7e9a3b-6d2f-4e8a-b5c4-3a2b1c0d9e8f", "0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60", 42,
                "Engagement", "2026-11-30T16:05:13.123456Z",
                "com.upgradecoordination.coordination.api.RequirementsRecordedEvent", "1",
                payload.getBytes(StandardCharsets.UTF_8), metadata.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public String linkOfOneEvent() {
        return linkHash.hash(LinkHash.GENESIS, linkHash.columnDigests(row));
    }
}
