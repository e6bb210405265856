package com.upgradecoordination.review.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import com.upgradecoordination.review.domain.upgrade.UpgradeStop;
import com.upgradecoordination.review.domain.upgrade.UpgradeStopCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class UpgradeStopCatalogLoaderTest {

    static final String BUNDLED_TEXT = read();

    static String read() {
        try (var in = new ClassPathResource(UpgradeStopCatalogLoader.BUNDLED).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path directory;

    Path write(String content) throws Exception {
        Path file = directory.resolve("upgrade-stops.json");
        Files.writeString(file, content);
        return file;
    }

    /** The bundled file with one piece of text replaced, which must be there. */
    Path bundledWith(String original, String replacement) throws Exception {
        assertThat(BUNDLED_TEXT).contains(original);
        return write(BUNDLED_TEXT.replace(original, replacement));
    }

    @Test
    void theBundledCatalogHoldsEveryDocumentedStopWithItsSourceAndDate() {
        UpgradeStopCatalog catalog = UpgradeStopCatalogLoader.bundled();
        assertThat(catalog.version()).isEqualTo(1);
        assertThat(catalog.source()).contains("Plan your upgrade path").contains("doc/update/upgrade_paths.md");
        assertThat(catalog.retrieved()).isEqualTo("2026-11-22");
        assertThat(catalog.stops()).extracting(UpgradeStop::describe).containsExactly("15.0.5", "15.1.6", "15.4.6",
                "15.11.13", "16.0.10", "16.1.8", "16.2.11", "16.3.9", "16.7.10", "16.11.10", "17.1.8", "17.3.7",
                "17.5.5", "17.8.7", "17.11.7", "18.2 (latest patch)", "18.5 (latest patch)", "18.8 (latest patch)",
                "18.11 (latest patch)");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"16.3.9\"                 | \"16.3.x\"                   | stops[7].version: '16.3.x' is not a GitLab version",
        "\"version\": \"16.7.10\"   | \"version\": \"16.1.10\"     | stops[8] (16.1.10) is out of order: it follows 16.3.9",
        "\"version\": \"16.7.10\"   | \"version\": \"16.3.1\"      | stops[8] (16.3.1) lists the stop of 16.3 twice",
        "[\"NPM_PACKAGES_IN_REGISTRY\"] | [\"NPM_PACKAGES\"]      | stops[5] (16.1.8).requiredFor names an unknown condition 'NPM_PACKAGES'",
        "[\"MULTIPLE_WEB_NODES\"]   | [\"ALL\", \"MULTIPLE_WEB_NODES\"] | stops[1] (15.1.6).requiredFor names an unknown condition 'ALL'",
        "[\"MULTIPLE_WEB_NODES\"]   | []                           | stops[1] (15.1.6).requiredFor must be \"ALL\" or one or more conditions",
        "[\"MULTIPLE_WEB_NODES\"]   | 42                           | stop 15.1.6: requiredFor must be \"ALL\" or a list of conditions",
        "\"MULTIPLE_WEB_NODES\": {  | \"MULTIPLE_WEB_NODE\": {     | conditions names an unknown condition 'MULTIPLE_WEB_NODE'",
        "more than one node?\"      | more than one node\"         | conditions.MULTIPLE_WEB_NODES needs 'instancesWith' and a 'question' ending in '?'",
        "{ \"version\": \"18.5\", \"requiredFor\": \"ALL\" }, | ''  | the scheduled stop 18.5 is not listed",
        "\"version\": \"18.8\"      | \"version\": \"18.9\"        | stop 18.9 is on or after 17.5 but not on a scheduled minor [2, 5, 8, 11]",
        "\"minors\": [2, 5, 8, 11]  | \"minors\": [2, 5, 5]        | scheduledStops.minors must be distinct minors",
        "\"retrieved\": \"2026-11-22\" | \"retrieved\": \"recently\" | retrieved 'recently' is not an ISO date",
        "\"catalog\": \"upgrade-stops\" | \"catalog\": \"reference-architectures\" | not an upgrade-stops catalog",
        "\"notes\":                 | \"remarks\":                 | remarks"})
    void aBrokenCatalogStopsStartUpNamingTheFileAndTheProblem(String original, String replacement, String problem)
            throws Exception {
        Path broken = bundledWith(original, replacement);
        assertThatThrownBy(() -> UpgradeStopCatalogLoader.load(new FileSystemResource(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Upgrade-stop catalog file [" + broken + "] is invalid: ")
                .hasMessageContaining(problem);
    }

    @Test
    void aFileThatIsNoCatalogAtAllIsRefused() throws Exception {
        Path notJson = write("stops: 15.0.5");
        assertThatThrownBy(() -> UpgradeStopCatalogLoader.load(new FileSystemResource(notJson)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is invalid");
        Path empty = write("{\"catalog\": \"upgrade-stops\", \"version\": 1, \"source\": \"s\", "
                + "\"retrieved\": \"2026-11-22\", \"stops\": []}");
        assertThatThrownBy(() -> UpgradeStopCatalogLoader.load(new FileSystemResource(empty)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the catalog lists no stops");
        Path missing = directory.resolve("no-such-file.json");
        assertThatThrownBy(() -> UpgradeStopCatalogLoader.load(new FileSystemResource(missing)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-file.json");
    }

    @Test
    void theConfigurationExposesTheCatalogAndTheCheck() {
        new ApplicationContextRunner().withUserConfiguration(CatalogConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(UpgradeStopCatalog.class)
                    .hasSingleBean(RequiredInformationCheck.class);
            assertThat(context.getBean(UpgradeStopCatalog.class).stops()).hasSize(19);
        });
    }

    @Test
    void aBrokenConfiguredFileStopsTheApplicationContext() throws Exception {
        Path broken = bundledWith("\"16.3.9\"", "\"16.3.x\"");
        new ApplicationContextRunner().withUserConfiguration(CatalogConfiguration.class)
                .withPropertyValues("review.catalog.upgrade-stops=file:" + broken)
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "Upgrade-stop catalog URL [file:" + broken + "] is invalid: stops[7].version: '16.3.x' is not a "
                                + "GitLab version"));
    }
}
