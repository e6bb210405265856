package com.upgradecoordination.coordination.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * Operations give the service newer catalog data from files without a rebuild
 * ({@code coordination.catalog.reference-architectures=file:...}, likewise {@code gpt-benchmarks});
 * each is checked at start-up exactly as the shipped one.
 */
class CatalogLocationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CatalogConfiguration.class);

    @TempDir
    Path folder;

    static String shipped(String file) throws IOException {
        return new String(new ClassPathResource("catalog/" + file).getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutALocationTheShippedCatalogsAreUsed() {
        context.run(started -> {
            assertThat(started.getBean(ReferenceArchitectureCatalog.class).version()).isEqualTo(1);
            assertThat(started.getBean(InitialGptBenchmarks.class).entries())
                    .extracting(InitialGptBenchmarks.Entry::size).containsExactly("10k");
        });
    }

    @Test
    void catalogFilesAreLoadedFromTheirLocation() throws IOException {
        Path architectures = folder.resolve("reference-architectures.json");
        // GitLab revises the 1k single node: 16 vCPU from now on
        Files.writeString(architectures, shipped("reference-architectures.v1.json")
                .replace("\"version\": 1,", "\"version\": 2,")
                .replace("\"component\": \"gitlab-single-node\",\n          \"nodes\": 1,\n          \"vcpu\": 8,",
                        "\"component\": \"gitlab-single-node\",\n          \"nodes\": 1,\n          \"vcpu\": 16,"));
        Path benchmarks = folder.resolve("gpt-benchmarks.json");
        Files.writeString(benchmarks, shipped("gpt-benchmarks.v2.json").replace("\"version\": 2,", "\"version\": 3,"));

        context.withPropertyValues("coordination.catalog.reference-architectures=file:" + architectures,
                        "coordination.catalog.gpt-benchmarks=file:" + benchmarks)
                .run(started -> {
                    ReferenceArchitectureCatalog catalog = started.getBean(ReferenceArchitectureCatalog.class);
                    assertThat(catalog.version()).isEqualTo(2);
                    assertThat(catalog.size("1k").components().get(0).vcpu()).isEqualTo(16);
                    assertThat(started.getBean(InitialGptBenchmarks.class).version()).isEqualTo(3);
                });
    }

    @Test
    void aBrokenCatalogFileStopsStartUpWithTheReason() throws IOException {
        Path architectures = folder.resolve("reference-architectures.json");
        Files.writeString(architectures, shipped("reference-architectures.v1.json").replace("\"sizes\"", "\"sized\""));

        context.withPropertyValues("coordination.catalog.reference-architectures=file:" + architectures)
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("Unrecognized property \"sized\""));
    }
}
