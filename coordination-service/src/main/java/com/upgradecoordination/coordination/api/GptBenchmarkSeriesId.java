package com.upgradecoordination.coordination.api;

/** The aggregate id of a size's benchmark versions, apart from every engagement's UUID. */
public final class GptBenchmarkSeriesId {

    public static final String PREFIX = "gpt-benchmarks-";

    private GptBenchmarkSeriesId() {
    }

    public static String of(String size) {
        return PREFIX + size;
    }
}
