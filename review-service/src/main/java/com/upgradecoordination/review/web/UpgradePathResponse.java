package com.upgradecoordination.review.web;

import com.upgradecoordination.review.api.InstanceCondition;
import com.upgradecoordination.review.domain.upgrade.ConditionalStopQuestion;
import com.upgradecoordination.review.domain.upgrade.GitLabVersion;
import com.upgradecoordination.review.domain.upgrade.UpgradePath;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import java.util.List;

/**
 * The answer of {@code GET /upgrade-paths}.
 *
 * @param path      the versions to pass through, in order, ending at the target; a version without a
 *                  patch means the latest patch of that minor
 * @param questions conditional stops on the way that are not on {@code path} because their condition
 *                  was not answered
 * @param notes     what the catalog cannot vouch for on this path
 * @param catalog   where the stops come from
 */
public record UpgradePathResponse(String from, String to, List<String> path, List<ConditionalStop> questions,
                                  List<String> notes, CatalogSource catalog) {

    /**
     * @param stop       the conditional stop
     * @param conditions the conditions still unanswered; answer them with {@code condition=NAME:true|false}
     * @param question   the question to ask the customer
     */
    public record ConditionalStop(String stop, List<InstanceCondition> conditions, String question) {

        static ConditionalStop of(ConditionalStopQuestion question) {
            return new ConditionalStop(question.stop().version().toString(), question.unanswered(), question.message());
        }
    }

    /** @param retrieved the date the stops were taken from the source (ISO) */
    public record CatalogSource(int version, String source, String retrieved) {

        static CatalogSource of(UpgradeStopCatalog catalog) {
            return new CatalogSource(catalog.version(), catalog.source(), catalog.retrieved());
        }
    }

    static UpgradePathResponse of(UpgradePath path, UpgradeStopCatalog catalog) {
        return new UpgradePathResponse(path.from().toString(), path.to().toString(),
                path.versions().stream().map(GitLabVersion::toString).toList(),
                path.questions().stream().map(ConditionalStop::of).toList(), path.notes(), CatalogSource.of(catalog));
    }
}
