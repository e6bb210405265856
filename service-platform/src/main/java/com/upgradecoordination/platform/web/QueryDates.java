package com.upgradecoordination.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and times a query filters by. Java reads {@code +999999999-12-31} as a date, but the
 * databases do not hold one (PostgreSQL's dates and timestamps end in 294276 AD and begin in
 * 4713 BC): such a bound failed inside the query and was answered 500. A query bound must lie in
 * the years 0001 to 9999 (ISO 8601's four-digit years); anything else is invalid input (400).
 */
public final class QueryDates {

    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private QueryDates() {
    }

    /**
     * {@code date} itself (null when absent).
     *
     * @throws IllegalArgumentException naming {@code parameter} when the date is outside 0001-01-01 to 9999-12-31
     */
    public static LocalDate within(String parameter, LocalDate date) {
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            throw new IllegalArgumentException(parameter + ": a date from " + FIRST_DAY + " to " + LAST_DAY);
        }
        return date;
    }

    /**
     * {@code instant} itself (null when absent).
     *
     * @throws IllegalArgumentException naming {@code parameter} when the time is outside the years 0001 to 9999
     */
    public static Instant within(String parameter, Instant instant) {
        if (instant != null && (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END))) {
            throw new IllegalArgumentException(parameter + ": a time from " + FIRST_INSTANT + " to before " + END);
        }
        return instant;
    }
}
