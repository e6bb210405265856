package com.upgradecoordination.review.catalog;

import com.upgradecoordination.platform.catalog.CatalogFiles;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog.ConditionDefinition;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog.ScheduleDefinition;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog.StopDefinition;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;

/**
 * Reads the upgrade-stop catalog file; the domain's {@link UpgradeStopCatalog} validates its content.
 * Any problem is an {@link IllegalStateException} naming the file and the problem, so a broken file
 * stops start-up.
 */
public final class UpgradeStopCatalogLoader {

    public static final String BUNDLED = "catalog/upgrade-stops.v1.json";

    private static final Logger log = LoggerFactory.getLogger(UpgradeStopCatalogLoader.class);

    record CatalogFile(String catalog, int version, String source, String retrieved, String notes,
                       ScheduleDefinition scheduledStops, Map<String, ConditionDefinition> conditions,
                       List<StopEntry> stops) {
    }

    /** @param requiredFor "ALL" or a list of condition names */
    record StopEntry(String version, JsonNode requiredFor) {
    }

    private UpgradeStopCatalogLoader() {
    }

    /** The catalog shipped with the service, for tests and tools outside Spring. */
    public static UpgradeStopCatalog bundled() {
        return load(new ClassPathResource(BUNDLED));
    }

    public static UpgradeStopCatalog load(Resource file) {
        try {
            CatalogFile data = CatalogFiles.read(file, CatalogFile.class);
            if (!"upgrade-stops".equals(data.catalog())) {
                throw new IllegalStateException("not an upgrade-stops catalog (\"catalog\": \"upgrade-stops\")");
            }
            List<StopDefinition> stops = data.stops() == null ? null
                    : data.stops().stream().map(UpgradeStopCatalogLoader::definition).toList();
            UpgradeStopCatalog catalog = UpgradeStopCatalog.define(data.version(), data.source(), data.retrieved(),
                    stops, data.scheduledStops(), data.conditions());
            log.info("Loaded upgrade-stop catalog v{} ({} stops from {} to {}, retrieved {})", catalog.version(),
                    catalog.stops().size(), catalog.firstListedStop().version(), catalog.lastListedStop().version(),
                    catalog.retrieved());
            return catalog;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Upgrade-stop catalog " + file.getDescription() + " is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static StopDefinition definition(StopEntry entry) {
        if (entry == null) {
            return null;
        }
        JsonNode requiredFor = entry.requiredFor();
        if (requiredFor == null || requiredFor.isNull()) {
            return new StopDefinition(entry.version(), null);
        }
        if (requiredFor.isString()) {
            return new StopDefinition(entry.version(), List.of(requiredFor.asString()));
        }
        List<String> conditions = new ArrayList<>();
        if (requiredFor.isArray()) {
            for (JsonNode condition : requiredFor) {
                if (!condition.isString()) {
                    throw new IllegalStateException("stop " + entry.version() + ": requiredFor lists " + condition
                            + ", not a condition name");
                }
                conditions.add(condition.asString());
            }
            return new StopDefinition(entry.version(), conditions);
        }
        throw new IllegalStateException("stop " + entry.version() + ": requiredFor must be \"ALL\" or a list of "
                + "conditions, not " + requiredFor);
    }
}
