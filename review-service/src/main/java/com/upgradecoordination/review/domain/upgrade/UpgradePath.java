package com.upgradecoordination.review.domain.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The correct upgrade path from a current to a target version for what is known about the instance
 * (computed by {@link UpgradeStopCatalog#path}).
 *
 * @param stops     the required stops on the way, in order (unconditional ones and conditional ones
 *                  whose condition is answered true)
 * @param questions conditional stops on the way whose condition is unanswered; they are not in
 *                  {@code stops} until the customer answers
 * @param notes     what the catalog cannot vouch for on this path (versions outside its listed stops)
 */
public record UpgradePath(GitLabVersion from, GitLabVersion to, List<UpgradeStop> stops,
                          List<ConditionalStopQuestion> questions, List<String> notes) {

    public UpgradePath {
        stops = List.copyOf(stops);
        questions = List.copyOf(questions);
        notes = List.copyOf(notes);
    }

    /** The versions to pass through, in order: every stop, then the target. */
    public List<GitLabVersion> versions() {
        List<GitLabVersion> versions = new ArrayList<>(stops.stream().map(UpgradeStop::version).toList());
        versions.add(to);
        return List.copyOf(versions);
    }

    /** "16.7.10 -> 16.11.10 -> 17.0.1". */
    public String describe() {
        return versions().stream().map(GitLabVersion::toString).collect(Collectors.joining(" -> "));
    }
}
