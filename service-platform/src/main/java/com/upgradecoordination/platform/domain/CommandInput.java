package com.upgradecoordination.platform.domain;

/**
 * Checks of a command's text fields, shared by every aggregate so each refuses bad input in the same
 * words: {@code IllegalArgumentException("field: reason")}, which the HTTP edge answers with 400.
 */
public final class CommandInput {

    private CommandInput() {
    }

    /** Refuses an absent or blank value. */
    public static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }

    /** Refuses an absent or blank value, or one longer than {@code maxLength} once stripped. */
    public static void require(String value, String field, int maxLength) {
        require(value, field);
        limit(value, field, maxLength);
    }

    /** The stripped value, or null when absent or blank; refuses one longer than {@code maxLength}. */
    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        limit(value, field, maxLength);
        return value.strip();
    }

    /** Refuses a value longer than {@code maxLength} once stripped; an absent value passes. */
    public static void limit(String value, String field, int maxLength) {
        if (value != null && value.strip().length() > maxLength) {
            throw new IllegalArgumentException(field + ": at most " + maxLength + " characters");
        }
    }
}
