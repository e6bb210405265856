package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.domain.EngagementStep;
import com.upgradecoordination.platform.web.QueryDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * The list's filters and page, checked as they come from the query string; null filters match
 * everything. Bad values are refused by field ({@link IllegalArgumentException}, HTTP 400).
 */
public record EngagementFilter(String csm, String customerOrganisation, EngagementStep step, String referenceSize,
                               Boolean hasDeviation, LocalDate targetDateFrom, LocalDate targetDateTo, int page,
                               int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public EngagementFilter {
        if (page < 0) {
            throw new IllegalArgumentException("page: 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize: 1 to " + MAX_PAGE_SIZE);
        }
        if (targetDateFrom != null && targetDateTo != null && targetDateTo.isBefore(targetDateFrom)) {
            throw new IllegalArgumentException("targetDateTo: not before targetDateFrom");
        }
    }

    /** From the query string's text; {@code sizes} are the reference-architecture sizes there are. */
    public static EngagementFilter parse(String csm, String customerOrganisation, String step, String referenceSize,
                                         String hasDeviation, String targetDateFrom, String targetDateTo,
                                         Integer page, Integer pageSize, Set<String> sizes) {
        if (referenceSize != null && !sizes.contains(referenceSize)) {
            throw new IllegalArgumentException("referenceSize: one of " + sizes.stream().sorted().toList());
        }
        return new EngagementFilter(blankToNull(csm), blankToNull(customerOrganisation), step(step), referenceSize,
                bool(hasDeviation), date("targetDateFrom", targetDateFrom), date("targetDateTo", targetDateTo),
                page == null ? 0 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    private static EngagementStep step(String step) {
        if (step == null) {
            return null;
        }
        try {
            return EngagementStep.valueOf(step);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("step: one of " + Arrays.toString(EngagementStep.values()));
        }
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("hasDeviation: true or false");
        }
        return Boolean.valueOf(value);
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return QueryDates.within(field, LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException(field + ": a date such as 2027-06-30");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
