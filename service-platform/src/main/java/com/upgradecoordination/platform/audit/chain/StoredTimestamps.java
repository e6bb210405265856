package com.upgradecoordination.platform.audit.chain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamp column of the event store back into an {@link Instant}. Axon writes it as UTC
 * ISO text to the millisecond ({@code 2026-12-03T17:46:18.123Z}, {@link DateTimeUtils}) and
 * parses it with a {@code DateTimeFormatter}, which was 5-7% of replaying an aggregate and of a
 * rebuild (issue 13). Text of exactly that shape is read here digit by digit; anything else (a
 * five-digit year, an offset, a leap second) goes to Axon's parser, so both give the same instant.
 */
final class StoredTimestamps {

    // yyyy-MM-ddTHH:mm:ss.f...Z, with 1 to 9 fraction digits
    private static final int SHORTEST = "2026-01-01T00:00:00.0Z".length();
    private static final int LONGEST = "2026-01-01T00:00:00.000000000Z".length();
    private static final int[] NANOS_PER_DIGIT_AT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
            100, 10, 1};

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        Instant fast = parseCommonShape(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** The instant, or null where the text is not of the shape Axon writes for years 0000-9999. */
    private static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        for (int at = 20, digit = 0; at < length - 1; at++, digit++) {
            int value = text.charAt(at) - '0';
            if (value < 0 || value > 9) {
                return null;
            }
            nanos += value * NANOS_PER_DIGIT_AT[digit];
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by {@code count} digits from {@code start}, or -1 where one is not a digit. */
    private static int digits(String text, int start, int count) {
        int number = 0;
        for (int at = start; at < start + count; at++) {
            int value = text.charAt(at) - '0';
            if (value < 0 || value > 9) {
                return -1;
            }
            number = number * 10 + value;
        }
        return number;
    }
}
