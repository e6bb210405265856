package com.upgradecoordination.review.domain.upgrade;

import com.upgradecoordination.review.api.InstanceCondition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * GitLab's required upgrade stops as versioned catalog data (reference/upgrade-stops.md): the listed
 * stops, the rule that from a given minor on stops are scheduled at fixed minors of every major, and
 * the wording of the questions about conditional stops. Built from the file's plain values and
 * validated here, so a broken catalog is refused with the stop and the reason.
 */
public final class UpgradeStopCatalog {

    /** A stop as the catalog file gives it: {@code requiredFor} is ["ALL"] or one or more condition names. */
    public record StopDefinition(String version, List<String> requiredFor) {
    }

    /** "From {@code from} on, required stops are scheduled at these minors of every major." */
    public record ScheduleDefinition(String from, List<Integer> minors) {
    }

    /** The wording of one condition as the catalog file gives it. */
    public record ConditionDefinition(String instancesWith, String question) {
    }

    public static final String EVERY_INSTANCE = "ALL";

    private final int version;
    private final String source;
    private final String retrieved;
    private final List<UpgradeStop> stops;
    private final GitLabVersion scheduledFrom;
    private final Set<Integer> scheduledMinors;
    private final Map<InstanceCondition, ConditionWording> wording;

    private UpgradeStopCatalog(int version, String source, String retrieved, List<UpgradeStop> stops,
                               GitLabVersion scheduledFrom, Set<Integer> scheduledMinors,
                               Map<InstanceCondition, ConditionWording> wording) {
        this.version = version;
        this.source = source;
        this.retrieved = retrieved;
        this.stops = List.copyOf(stops);
        this.scheduledFrom = scheduledFrom;
        // sorted: the scheduled stops of a major are listed in this order
        this.scheduledMinors = Collections.unmodifiableSortedSet(new TreeSet<>(scheduledMinors));
        this.wording = Map.copyOf(wording);
    }

    /**
     * @throws IllegalStateException naming the first problem: a missing source or date, an invalid
     *                               version, stops out of order or listed twice, an unknown
     *                               condition, a condition without wording, a scheduled stop missing
     *                               or off the schedule
     */
    public static UpgradeStopCatalog define(int version, String source, String retrieved,
                                            List<StopDefinition> stops, ScheduleDefinition schedule,
                                            Map<String, ConditionDefinition> conditions) {
        if (version < 1 || isBlank(source) || isBlank(retrieved)) {
            throw new IllegalStateException("the catalog needs a version of 1 or more, a source and a retrieved date");
        }
        try {
            LocalDate.parse(retrieved);
        } catch (DateTimeParseException notADate) {
            throw new IllegalStateException("retrieved '" + retrieved + "' is not an ISO date (yyyy-mm-dd)");
        }
        Map<InstanceCondition, ConditionWording> wording = conditionWording(conditions);
        List<UpgradeStop> parsed = stops(stops, wording);
        if (schedule == null || schedule.minors() == null || schedule.minors().isEmpty()) {
            throw new IllegalStateException("scheduledStops needs 'from' and at least one minor");
        }
        GitLabVersion from = version(schedule.from(), "scheduledStops.from");
        Set<Integer> minors = new TreeSet<>();
        for (Integer minor : schedule.minors()) {
            if (minor == null || minor < 0 || minor > 99 || !minors.add(minor)) {
                throw new IllegalStateException("scheduledStops.minors must be distinct minors between 0 and 99, "
                        + "not " + schedule.minors());
            }
        }
        UpgradeStopCatalog catalog = new UpgradeStopCatalog(version, source, retrieved, parsed, from, minors, wording);
        catalog.checkSchedule();
        return catalog;
    }

    private static Map<InstanceCondition, ConditionWording> conditionWording(Map<String, ConditionDefinition> given) {
        Map<InstanceCondition, ConditionWording> wording = new EnumMap<>(InstanceCondition.class);
        for (Map.Entry<String, ConditionDefinition> entry : (given == null ? Map.<String, ConditionDefinition>of()
                : given).entrySet()) {
            InstanceCondition condition = condition(entry.getKey(), "conditions");
            ConditionDefinition definition = entry.getValue();
            if (definition == null || isBlank(definition.instancesWith()) || isBlank(definition.question())
                    || !definition.question().strip().endsWith("?")) {
                throw new IllegalStateException("conditions." + condition
                        + " needs 'instancesWith' and a 'question' ending in '?'");
            }
            wording.put(condition, new ConditionWording(definition.instancesWith().strip(), definition.question().strip()));
        }
        return wording;
    }

    private static List<UpgradeStop> stops(List<StopDefinition> given, Map<InstanceCondition, ConditionWording> wording) {
        if (given == null || given.isEmpty()) {
            throw new IllegalStateException("the catalog lists no stops");
        }
        List<UpgradeStop> stops = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            StopDefinition definition = given.get(i);
            String at = "stops[" + i + "]";
            if (definition == null) {
                throw new IllegalStateException(at + " is empty");
            }
            GitLabVersion version = version(definition.version(), at + ".version");
            at = at + " (" + version + ")";
            UpgradeStop stop = new UpgradeStop(version, requiredFor(definition.requiredFor(), at, wording));
            if (!stops.isEmpty()) {
                GitLabVersion previous = stops.get(stops.size() - 1).version();
                if (previous.sameMinorAs(version)) {
                    throw new IllegalStateException(at + " lists the stop of " + version.major() + "."
                            + version.minor() + " twice");
                }
                if (previous.compareMinorTo(version) > 0) {
                    throw new IllegalStateException(at + " is out of order: it follows " + previous
                            + "; list the stops oldest first");
                }
            }
            stops.add(stop);
        }
        return stops;
    }

    private static List<InstanceCondition> requiredFor(List<String> given, String at,
                                                       Map<InstanceCondition, ConditionWording> wording) {
        if (given == null || given.isEmpty()) {
            throw new IllegalStateException(at + ".requiredFor must be \"" + EVERY_INSTANCE
                    + "\" or one or more conditions " + Arrays.toString(InstanceCondition.values()));
        }
        if (given.equals(List.of(EVERY_INSTANCE))) {
            return List.of();
        }
        Set<InstanceCondition> conditions = new LinkedHashSet<>();
        for (String name : given) {
            InstanceCondition condition = condition(name, at + ".requiredFor");
            if (!conditions.add(condition)) {
                throw new IllegalStateException(at + ".requiredFor lists " + condition + " twice");
            }
            if (!wording.containsKey(condition)) {
                throw new IllegalStateException(at + ".requiredFor names " + condition
                        + ", which has no wording under 'conditions'");
            }
        }
        return List.copyOf(conditions);
    }

    private static InstanceCondition condition(String name, String at) {
        try {
            return InstanceCondition.valueOf(Objects.requireNonNull(name));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new IllegalStateException(at + " names an unknown condition '" + name + "' (known: "
                    + Arrays.toString(InstanceCondition.values()) + ", or \"" + EVERY_INSTANCE + "\" alone)");
        }
    }

    private static GitLabVersion version(String text, String at) {
        try {
            return GitLabVersion.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(at + ": " + invalid.getMessage());
        }
    }

    /** From the schedule's start to the last listed stop, the listed stops are exactly the scheduled ones. */
    private void checkSchedule() {
        GitLabVersion last = lastListedStop().version();
        for (UpgradeStop stop : stops) {
            if (stop.version().compareMinorTo(scheduledFrom) >= 0 && !scheduledMinors.contains(stop.version().minor())) {
                throw new IllegalStateException("stop " + stop.version() + " is on or after " + scheduledFrom
                        + " but not on a scheduled minor " + scheduledMinors);
            }
        }
        for (GitLabVersion scheduled : scheduledBetween(scheduledFrom, last)) {
            if (stops.stream().noneMatch(stop -> stop.version().sameMinorAs(scheduled))) {
                throw new IllegalStateException("the scheduled stop " + scheduled + " is not listed; list every "
                        + "scheduled stop from " + scheduledFrom + " to the last listed stop " + last);
            }
        }
    }

    /** Scheduled minors from {@code first} (inclusive) to {@code last} (inclusive), by major.minor. */
    private List<GitLabVersion> scheduledBetween(GitLabVersion first, GitLabVersion last) {
        List<GitLabVersion> scheduled = new ArrayList<>();
        for (int major = first.major(); major <= last.major(); major++) {
            for (int minor : scheduledMinors) {
                GitLabVersion candidate = GitLabVersion.latestPatchOf(major, minor);
                if (candidate.compareMinorTo(first) >= 0 && candidate.compareMinorTo(last) <= 0) {
                    scheduled.add(candidate);
                }
            }
        }
        return scheduled;
    }

    public int version() {
        return version;
    }

    public String source() {
        return source;
    }

    /** The date the stops were taken from the source (ISO). */
    public String retrieved() {
        return retrieved;
    }

    /** The listed stops, oldest first. */
    public List<UpgradeStop> stops() {
        return stops;
    }

    public UpgradeStop firstListedStop() {
        return stops.get(0);
    }

    public UpgradeStop lastListedStop() {
        return stops.get(stops.size() - 1);
    }

    public GitLabVersion scheduledFrom() {
        return scheduledFrom;
    }

    public Set<Integer> scheduledMinors() {
        return scheduledMinors;
    }

    public ConditionWording wording(InstanceCondition condition) {
        return Optional.ofNullable(wording.get(condition)).orElseThrow(() ->
                new IllegalArgumentException("the upgrade-stop catalog has no wording for " + condition));
    }

    /**
     * Every stop strictly between the two versions by major.minor (the current version's minor is
     * passed already, the target's minor is reached by the target itself). After the last listed
     * stop the schedule rule applies: its stops are the latest patch of each scheduled minor.
     */
    public List<UpgradeStop> stopsBetween(GitLabVersion current, GitLabVersion target) {
        List<UpgradeStop> between = new ArrayList<>();
        for (UpgradeStop stop : stops) {
            if (stop.version().compareMinorTo(current) > 0 && stop.version().compareMinorTo(target) < 0) {
                between.add(stop);
            }
        }
        GitLabVersion last = lastListedStop().version();
        if (target.compareMinorTo(last) > 0) {
            for (GitLabVersion scheduled : scheduledBetween(last, target)) {
                if (scheduled.compareMinorTo(last) > 0 && scheduled.compareMinorTo(current) > 0
                        && scheduled.compareMinorTo(target) < 0) {
                    between.add(UpgradeStop.forEveryInstance(scheduled));
                }
            }
        }
        return between;
    }

    /**
     * The correct path for what is known about the instance: unconditional stops and conditional
     * ones answered true are on it, those answered false are left out, unanswered ones become questions.
     *
     * @param answers the customer's answers; an absent condition is unanswered
     * @throws IllegalArgumentException if the target is not newer than the current version
     */
    public UpgradePath path(GitLabVersion current, GitLabVersion target, Map<InstanceCondition, Boolean> answers) {
        if (!target.isNewerThan(current)) {
            throw new IllegalArgumentException("the target version " + target + " is not newer than the current version "
                    + current);
        }
        Map<InstanceCondition, Boolean> known = answers == null ? Map.of() : answers;
        List<UpgradeStop> required = new ArrayList<>();
        List<ConditionalStopQuestion> questions = new ArrayList<>();
        for (UpgradeStop stop : stopsBetween(current, target)) {
            Optional<Boolean> needed = stop.requiredGiven(known);
            if (needed.isEmpty()) {
                questions.add(question(stop, known));
            } else if (needed.get()) {
                required.add(stop);
            }
        }
        return new UpgradePath(current, target, required, questions, notes(current, target));
    }

    /** "The upgrade stop 16.1.8 is required for instances with ... Does your ...?" */
    public ConditionalStopQuestion question(UpgradeStop stop, Map<InstanceCondition, Boolean> answers) {
        List<InstanceCondition> unanswered = stop.requiredFor().stream().filter(c -> answers.get(c) == null).toList();
        String instancesWith = stop.requiredFor().stream().map(c -> wording(c).instancesWith())
                .collect(Collectors.joining(" or "));
        String asked = unanswered.stream().map(c -> wording(c).question()).collect(Collectors.joining(" "));
        return new ConditionalStopQuestion(stop, unanswered, "The upgrade stop " + stop.describe()
                + " is required for instances with " + instancesWith + ". " + asked);
    }

    private List<String> notes(GitLabVersion current, GitLabVersion target) {
        List<String> notes = new ArrayList<>();
        GitLabVersion first = firstListedStop().version();
        if (current.compareMinorTo(first) < 0) {
            notes.add("The catalog lists required stops from " + first + " on; stops before it are not included "
                    + "in this path. Check the upgrade path documentation for them.");
        }
        GitLabVersion last = lastListedStop().version();
        boolean beyondListedStops = stopsBetween(current, target).stream()
                .anyMatch(stop -> stop.version().compareMinorTo(last) > 0);
        if (beyondListedStops) {
            notes.add("Stops after " + last.major() + "." + last.minor() + " follow the rule that from "
                    + scheduledFrom.major() + "." + scheduledFrom.minor() + " on stops are scheduled at minors "
                    + scheduledMinors + " of every major; use the latest patch of each.");
        }
        return notes;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
