package com.upgradecoordination.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * A command's {@code If-Match} header, read as the aggregate version the caller based the command
 * on: the {@code ETag} of the resource's GET ({@link AggregateReads}), quoted ({@code "3"}) or
 * bare ({@code 3}). The version goes into the command's {@code @TargetAggregateVersion} component;
 * Axon then refuses the command when the aggregate is at another version (409, stale version).
 *
 * <p>Controllers take it as a parameter ({@code IfMatch ifMatch}, filled by
 * {@link IfMatchArgumentResolver}, documented by the platform's OpenAPI customisation) and pass
 * {@link #version()} to the command. No header, or {@code *}, means no version check. Anything
 * else (a weak tag, a list of tags, a negative or non-numeric version) is refused as invalid input
 * (400), so that a caller who meant to guard a command never has it run unguarded.
 *
 * @param values the header's values: one per header line, a single line split at its commas
 */
public record IfMatch(List<String> values) {

    public static final String HEADER = HttpHeaders.IF_MATCH;

    /** A non-negative version of at most 18 digits (always fits a long), quoted or bare. */
    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");
    private static final int MAX_ECHO = 60;

    public IfMatch {
        values = List.copyOf(values);
    }

    /**
     * The request's header as {@code @RequestHeader List<String>} binds it: several header lines
     * as they are, a single line split at its commas, each part trimmed.
     */
    public static IfMatch of(HttpHeaders headers) {
        List<String> lines = headers.getOrEmpty(HEADER);
        if (lines.size() != 1) {
            return new IfMatch(lines);
        }
        return new IfMatch(Arrays.stream(StringUtils.commaDelimitedListToStringArray(lines.get(0)))
                .map(String::trim).toList());
    }

    /**
     * The expected version the header names, or null when it names none.
     *
     * @throws IllegalArgumentException when If-Match is present but not a version or {@code *}
     */
    public Long version() {
        if (values.isEmpty()) {
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
