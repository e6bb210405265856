package com.upgradecoordination.platform.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(13);
        // years 0000-9999 (the common shape) and beyond (Axon's parser); Axon stores milliseconds
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        int[] precisions = {1_000_000_000, 1_000_000, 1_000, 100, 1};
        for (int i = 0; i < 20_000; i++) {
            int precision = precisions[i % precisions.length];
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest),
                    random.nextInt(1_000_000_000) / precision * precision);
            String stored = DateTimeUtils.formatInstant(instant);

            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T17:46:18.1Z", "2026-12-03T17:46:18.123456789Z", "2024-02-29T23:59:59.999Z",
            "2026-12-03t17:46:18.123z", "2026-12-03T17:46:18Z", "2026-12-03T17:46:18.123+01:00",
            "+10000-01-01T00:00:00.000Z", "-0001-12-31T23:59:59.000Z"})
    void givesAxonsInstantForAnyTextAxonReads(String stored) {
        assertThat(StoredTimestamps.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-12-03T17:60:00.000Z", "2026-12-03T24:00:00.000Z",
            "2026-12-03T17:46:18.12a4Z", "2026-12-03T17:46:18.1234567890Z", "2026-1x-03T17:46:18.123Z", "", "now"})
    void refusesWhatAxonRefuses(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(stored)).isInstanceOf(DateTimeParseException.class);
    }
}
