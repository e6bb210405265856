package com.upgradecoordination.coordination.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationKind;
import com.upgradecoordination.coordination.api.Placement;
import com.upgradecoordination.coordination.api.ProposedComponent;
import com.upgradecoordination.coordination.domain.ComponentSpec;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class ReferenceArchitectureCatalogTest {

    static final ReferenceArchitectureCatalog CATALOG =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));

    @ParameterizedTest(name = "{0} users -> {1}")
    @CsvSource({"1,1k", "1000,1k", "1001,2k", "2000,2k", "2001,3k", "3000,3k", "3001,5k", "5000,5k", "5001,10k",
        "10000,10k", "10001,25k", "25000,25k", "25001,50k", "50000,50k"})
    void sizesByUsersAtEveryBoundary(int users, String size) {
        assertThat(CATALOG.sizeFor(users, null).architecture().size()).isEqualTo(size);
        assertThat(CATALOG.sizeFor(users, null).sizedBy()).isEqualTo("USERS");
    }

    @ParameterizedTest(name = "{0} users, {1} API RPS -> {2} by {3}")
    @CsvSource({"500,20,1k,USERS", "500,21,2k,RPS", "3000,60,3k,USERS", "3000,61,5k,RPS", "9000,150,10k,USERS",
        "1000,1000,50k,RPS", "20000,200,25k,USERS"})
    void theLargerOfUsersAndRpsWins(int users, int rps, String size, String sizedBy) {
        assertThat(CATALOG.sizeFor(users, rps).architecture().size()).isEqualTo(size);
        assertThat(CATALOG.sizeFor(users, rps).sizedBy()).isEqualTo(sizedBy);
    }

    @Test
    void loadBeyondTheLargestSizeIsRefused() {
        assertThatThrownBy(() -> CATALOG.sizeFor(50_001, null)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("beyond the largest published reference architecture (50k)");
        assertThatThrownBy(() -> CATALOG.sizeFor(100, 1001)).isInstanceOf(RuleViolationException.class);
    }

    static Stream<String> sizes() {
        return CATALOG.sizes().stream().map(ReferenceArchitecture::size);
    }

    static List<ProposedComponent> exactly(ReferenceArchitecture reference) {
        return reference.components().stream()
                .map(c -> new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), Placement.VM))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void theReferenceItselfConforms(String size) {
        ReferenceArchitecture reference = CATALOG.size(size);
        assertThat(CATALOG.compare(reference, exactly(reference))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void everyKindOfDeviationIsNamed(String size) {
        ReferenceArchitecture reference = CATALOG.size(size);
        List<ProposedComponent> proposal = new ArrayList<>(exactly(reference));
        ComponentSpec first = reference.components().get(0);
        ProposedComponent firstProposed = proposal.remove(0); // missing
        proposal.add(new ProposedComponent("elasticsearch", 3, 8, 32, Placement.VM)); // extra
        List<Deviation> deviations = CATALOG.compare(reference, proposal);

        assertThat(deviations).contains(
                new Deviation(first.component(), first.describe(), "-", DeviationKind.MISSING),
                new Deviation("elasticsearch", "-", "3x8/32", DeviationKind.EXTRA));

        if (reference.components().size() > 1) {
            ComponentSpec second = reference.components().get(1);
            List<ProposedComponent> sized = new ArrayList<>(exactly(reference));
            sized.set(1, new ProposedComponent(second.component(), second.nodes(), second.vcpu() / 2,
                    second.memoryGb(), Placement.VM));
            sized.set(0, new ProposedComponent(firstProposed.component(), firstProposed.nodes() + 1,
                    firstProposed.vcpu(), firstProposed.memoryGb(), Placement.VM));
            assertThat(CATALOG.compare(reference, sized)).containsExactly(
                    new Deviation(first.component(), first.describe(),
                            ComponentSpec.describe(first.nodes() + 1, first.vcpu(), first.memoryGb()),
                            DeviationKind.OVERSIZED),
                    new Deviation(second.component(), second.describe(),
                            ComponentSpec.describe(second.nodes(), second.vcpu() / 2, second.memoryGb()),
                            DeviationKind.UNDERSIZED));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2k", "3k", "5k", "10k", "25k", "50k"})
    void statefulComponentsInKubernetesAreUnsupported(String size) {
        ReferenceArchitecture reference = CATALOG.size(size);
        List<ProposedComponent> proposal = exactly(reference).stream()
                .map(c -> c.component().equals("gitaly") || c.component().equals("postgresql")
                        ? new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), Placement.KUBERNETES)
                        : c)
                .toList();
        assertThat(CATALOG.compare(reference, proposal)).containsExactlyInAnyOrder(
                new Deviation("postgresql", "VM", "KUBERNETES", DeviationKind.UNSUPPORTED_PLACEMENT),
                new Deviation("gitaly", "VM", "KUBERNETES", DeviationKind.UNSUPPORTED_PLACEMENT));
    }

    @Test
    void statelessComponentsMayRunInKubernetes() {
        ReferenceArchitecture reference = CATALOG.size("10k");
        List<ProposedComponent> hybrid = exactly(reference).stream()
                .map(c -> c.component().equals("gitlab-rails") || c.component().equals("sidekiq")
                        ? new ProposedComponent(c.component(), c.nodes(), c.vcpu(), c.memoryGb(), Placement.KUBERNETES)
                        : c)
                .toList();
        assertThat(CATALOG.compare(reference, hybrid)).isEmpty();
    }

    @Test
    void aComponentListedTwiceIsInvalid() {
        ReferenceArchitecture reference = CATALOG.size("3k");
        List<ProposedComponent> twice = new ArrayList<>(exactly(reference));
        twice.add(twice.get(0));
        assertThatThrownBy(() -> CATALOG.compare(reference, twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void theCatalogRecordsItsSourceAndDate() {
        assertThat(CATALOG.version()).isEqualTo(1);
        assertThat(CATALOG.source()).contains("Reference architectures");
        assertThat(CATALOG.retrieved()).isEqualTo("2026-11-21");
    }

    @Test
    void aBrokenCatalogFileStopsStartUpWithTheReason(@TempDir Path directory) throws Exception {
        Path broken = directory.resolve("reference-architectures.json");
        Files.writeString(broken, """
                {"catalog":"reference-architectures","version":1,"source":"s","retrieved":"2026-11-21",
                 "statefulComponents":[],"sizes":[{"size":"1k","maxUsers":1000,"loadCategory":"X Small",
                 "targetRps":{"api":20,"web":2,"gitPull":2,"gitPush":1},
                 "components":[{"component":"gitlab","nodes":0,"vcpu":8,"memoryGb":16}]}]}""");
        assertThatThrownBy(() -> CatalogConfiguration.load(new FileSystemResource(broken)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is invalid")
                .hasMessageContaining("needs at least one node");
        Files.writeString(broken, "{\"catalog\":\"reference-architectures\",\"sizes\":[]}");
        assertThatThrownBy(() -> CatalogConfiguration.load(new FileSystemResource(broken)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is invalid");
    }
}
