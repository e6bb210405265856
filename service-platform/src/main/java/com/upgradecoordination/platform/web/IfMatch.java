package com.upgradecoordination.platform.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * Reads a command's {@code If-Match} header as the aggregate version the caller based the command
 * on: the {@code ETag} of the resource's GET ({@link AggregateVersions}), quoted ({@code "3"}) or
 * bare ({@code 3}). The value goes into the command's {@code @TargetAggregateVersion} component;
 * Axon then refuses the command when the aggregate is at another version (409, stale version).
 *
 * <p>No header, or {@code *}, means no version check. Anything else (a weak tag, a list of tags,
 * a negative or non-numeric version) is refused as invalid input (400), so that a caller who
 * meant to guard a command never has it run unguarded.
 */
public final class IfMatch {

    public static final String HEADER = HttpHeaders.IF_MATCH;

    /** A non-negative version of at most 18 digits (always fits a long), quoted or bare. */
    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");
    private static final int MAX_ECHO = 60;

    private IfMatch() {
    }

    /**
     * The expected version the If-Match header's values name, or null when they name none.
     * Controllers declare the header ({@code @RequestHeader(value = IfMatch.HEADER, required = false)}),
     * which also puts it in their OpenAPI document.
     *
     * @throws IllegalArgumentException when If-Match is present but not a version or {@code *}
     */
    public static Long parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw malformed(String.join(", ", values));
        }
        String value = values.get(0).trim();
        if (value.equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(value);
        if (!matcher.matches()) {
            throw malformed(value);
        }
        return Long.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static IllegalArgumentException malformed(String value) {
        String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        return new IllegalArgumentException("If-Match: send the ETag of the resource as read, for example \"3\" "
                + "(or * for no version check); '" + shown + "' is not a version");
    }
}
