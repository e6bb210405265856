package com.upgradecoordination.review.catalog;

import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the versioned catalog data at start-up; a broken file stops start-up with the reason. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    public UpgradeStopCatalog upgradeStopCatalog(
            @Value("${review.catalog.upgrade-stops:classpath:" + UpgradeStopCatalogLoader.BUNDLED + "}") Resource file) {
        return UpgradeStopCatalogLoader.load(file);
    }

    @Bean
    public RequiredInformationCheck requiredInformationCheck(UpgradeStopCatalog upgradeStops) {
        return new RequiredInformationCheck(upgradeStops);
    }
}
