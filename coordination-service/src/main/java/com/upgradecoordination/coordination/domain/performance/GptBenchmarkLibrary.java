package com.upgradecoordination.coordination.domain.performance;

import java.util.Optional;

/** The registered GPT benchmark versions; the latest of a size is what a new comparison uses. */
@FunctionalInterface
public interface GptBenchmarkLibrary {

    Optional<RegisteredBenchmark> latestFor(String size);
}
