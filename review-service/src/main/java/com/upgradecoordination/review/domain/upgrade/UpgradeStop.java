package com.upgradecoordination.review.domain.upgrade;

import com.upgradecoordination.review.api.InstanceCondition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A required upgrade stop: background migrations must finish at this version before the next step.
 *
 * @param version     the stop; without a patch it means the latest patch of that minor
 * @param requiredFor the instance conditions of a conditional stop (required if any of them holds);
 *                    empty for a stop every instance must make
 */
public record UpgradeStop(GitLabVersion version, List<InstanceCondition> requiredFor) {

    public UpgradeStop {
        Objects.requireNonNull(version, "version");
        requiredFor = List.copyOf(requiredFor);
    }

    public static UpgradeStop forEveryInstance(GitLabVersion version) {
        return new UpgradeStop(version, List.of());
    }

    public boolean isConditional() {
        return !requiredFor.isEmpty();
    }

    /**
     * Whether this instance needs the stop: yes if it is unconditional or any condition is answered
     * true; no if every condition is answered false; empty while that cannot be told (some unanswered).
     */
    public Optional<Boolean> requiredGiven(Map<InstanceCondition, Boolean> answers) {
        if (!isConditional() || requiredFor.stream().anyMatch(c -> Boolean.TRUE.equals(answers.get(c)))) {
            return Optional.of(true);
        }
        if (requiredFor.stream().allMatch(c -> Boolean.FALSE.equals(answers.get(c)))) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** "16.3.9", or "18.2 (latest patch)" for a stop given without a patch. */
    public String describe() {
        return version.patch().isPresent() ? version.toString() : version + " (latest patch)";
    }
}
