package com.upgradecoordination.review.web;

import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.domain.upgrade.GitLabVersion;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Computes the correct upgrade path from the upgrade-stop catalog, like GitLab Support's Upgrade Path
 * tool: {@code GET /upgrade-paths?from=16.3.9&to=18.5.1&condition=NPM_PACKAGES_IN_REGISTRY:true}.
 */
@RestController
@RequestMapping("/upgrade-paths")
public class UpgradePathController {

    private final UpgradeStopCatalog catalog;

    public UpgradePathController(UpgradeStopCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param from       the current version, e.g. {@code 16.3.9}
     * @param to         the target version, newer than {@code from}
     * @param conditions known facts about the instance, each {@code CONDITION:true} or {@code CONDITION:false};
     *                   conditional stops whose condition is not given come back as questions
     */
    @GetMapping
    public Mono<UpgradePathResponse> upgradePath(@RequestParam String from, @RequestParam String to,
                                                 @RequestParam(name = "condition", required = false)
                                                 List<String> conditions) {
        return Mono.fromCallable(() -> {
            GitLabVersion current = version("from", from, "the current GitLab version");
            GitLabVersion target = version("to", to, "the GitLab version to upgrade to");
            if (!target.isNewerThan(current)) {
                throw new IllegalArgumentException("to: the target version " + target
                        + " is not newer than the current version " + current);
            }
            return UpgradePathResponse.of(catalog.path(current, target, answers(conditions)), catalog);
        });
    }

    private static GitLabVersion version(String parameter, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(parameter + ": required, " + what + ", e.g. 16.3.9");
        }
        try {
            return GitLabVersion.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(parameter + ": " + invalid.getMessage());
        }
    }

    private static Map<InstanceCondition, Boolean> answers(List<String> conditions) {
        Map<InstanceCondition, Boolean> answers = new EnumMap<>(InstanceCondition.class);
        for (String given : conditions == null ? List.<String>of() : conditions) {
            String[] parts = given.split(":", -1);
            InstanceCondition condition = parts.length == 2 ? condition(parts[0].strip()) : null;
            String answer = parts.length == 2 ? parts[1].strip() : "";
            if (condition == null || !(answer.equals("true") || answer.equals("false"))) {
                throw new IllegalArgumentException("condition: '" + given + "' must be CONDITION:true or "
                        + "CONDITION:false, with CONDITION one of " + Arrays.toString(InstanceCondition.values()));
            }
            if (answers.put(condition, Boolean.parseBoolean(answer)) != null) {
                throw new IllegalArgumentException("condition: " + condition + " is given more than once");
            }
        }
        return answers;
    }

    private static InstanceCondition condition(String name) {
        return Arrays.stream(InstanceCondition.values()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
