package com.upgradecoordination.review.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * Operations give the service a newer upgrade-stop catalog from a file without a rebuild
 * ({@code review.catalog.upgrade-stops=file:...}); it is checked at start-up exactly as the shipped one.
 */
class CatalogLocationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CatalogConfiguration.class);

    @TempDir
    Path folder;

    static String shipped() throws IOException {
        return new String(new ClassPathResource(UpgradeStopCatalogLoader.BUNDLED).getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void withoutALocationTheShippedCatalogIsUsed() {
        context.run(started -> assertThat(started.getBean(UpgradeStopCatalog.class).lastListedStop().version())
                .isEqualTo(UpgradeStopCatalogLoader.bundled().lastListedStop().version()));
    }

    @Test
    void aCatalogFileWithANewRequiredStopIsLoadedFromItsLocation() throws IOException {
        Path file = folder.resolve("upgrade-stops.json");
        Files.writeString(file, shipped()
                .replace("\"version\": 1,", "\"version\": 2,")
                .replace("{ \"version\": \"18.11\", \"requiredFor\": \"ALL\" }",
                        "{ \"version\": \"18.11\", \"requiredFor\": \"ALL\" },\n    { \"version\": \"19.2\", \"requiredFor\": \"ALL\" }"));

        context.withPropertyValues("review.catalog.upgrade-stops=file:" + file)
                .run(started -> {
                    UpgradeStopCatalog catalog = started.getBean(UpgradeStopCatalog.class);
                    assertThat(catalog.version()).isEqualTo(2);
                    assertThat(catalog.lastListedStop().version().toString()).startsWith("19.2");
                });
    }

    @Test
    void aBrokenCatalogFileStopsStartUpWithTheReason() throws IOException {
        Path file = folder.resolve("upgrade-stops.json");
        Files.writeString(file, shipped().replace("\"catalog\": \"upgrade-stops\"", "\"catalog\": \"something-else\""));

        context.withPropertyValues("review.catalog.upgrade-stops=file:" + file)
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("not an upgrade-stops catalog"));
    }
}
