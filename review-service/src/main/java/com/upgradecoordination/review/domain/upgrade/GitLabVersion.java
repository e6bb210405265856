package com.upgradecoordination.review.domain.upgrade;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitLab version as customers and the docs write it: {@code major.minor.patch} ({@code 16.3.9}) or
 * {@code major.minor} ({@code 16.3}). A version without a patch stands for the latest patch release of
 * that minor (the docs: "always use the latest patch release"), so it sorts after every patch of its
 * minor. An edition suffix ({@code -ee}, {@code -ce}) is accepted and dropped: it does not change the path.
 */
public final class GitLabVersion implements Comparable<GitLabVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?(?:-(?:ee|ce))?");
    private static final Comparator<GitLabVersion> ORDER = Comparator.comparingInt(GitLabVersion::major)
            .thenComparingInt(GitLabVersion::minor)
            .thenComparingInt(v -> v.patch == null ? Integer.MAX_VALUE : v.patch);

    private final int major;
    private final int minor;
    private final Integer patch;

    private GitLabVersion(int major, int minor, Integer patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** @throws IllegalArgumentException naming the text and the expected form */
    public static GitLabVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a GitLab version is required, e.g. 16.3.9");
        }
        Matcher matcher = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a GitLab version; write major.minor.patch "
                    + "or major.minor, e.g. 16.3.9 or 16.3");
        }
        return new GitLabVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                matcher.group(3) == null ? null : Integer.parseInt(matcher.group(3)));
    }

    /** The version, or empty if the text is not one. */
    public static Optional<GitLabVersion> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException notAVersion) {
            return Optional.empty();
        }
    }

    public static GitLabVersion latestPatchOf(int major, int minor) {
        return new GitLabVersion(major, minor, null);
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** Empty when the version stands for the latest patch of its minor. */
    public OptionalInt patch() {
        return patch == null ? OptionalInt.empty() : OptionalInt.of(patch);
    }

    /** The same major.minor: an upgrade stop counts as passed by any patch of its minor. */
    public boolean sameMinorAs(GitLabVersion other) {
        return major == other.major && minor == other.minor;
    }

    /** Compares major.minor only. */
    public int compareMinorTo(GitLabVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /**
     * Whether this can stand for {@code other}: the same minor, and the same patch unless either
     * leaves it open (a path ending at 18.5.3 ends at a target given as 18.5).
     */
    public boolean matches(GitLabVersion other) {
        return sameMinorAs(other) && (patch == null || other.patch == null || patch.equals(other.patch));
    }

    public boolean isNewerThan(GitLabVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(GitLabVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitLabVersion version && version.major == major && version.minor == minor
                && Objects.equals(version.patch, patch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch == null ? "" : "." + patch);
    }
}
