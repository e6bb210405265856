package com.upgradecoordination.coordination.domain.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.coordination.catalog.CatalogConfiguration;
import com.upgradecoordination.coordination.catalog.GptResultsReader;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class GptComparisonTest {

    static final ReferenceArchitectureCatalog ARCHITECTURES =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));
    static final GptBenchmarks BENCHMARKS = CatalogConfiguration.loadBenchmarks(
            new ClassPathResource("catalog/gpt-benchmarks.v1.json"), ARCHITECTURES);

    static GptRun run(String file) throws IOException {
        return GptResultsReader.read(new ClassPathResource("gpt/" + file).getContentAsByteArray());
    }

    @Test
    void readsGptsOwnResultsFileWithItsUnits() throws IOException {
        GptRun run = run("passing-10k_results.json");

        assertThat(run.option()).isEqualTo("60s_200rps");
        assertThat(run.optionRps()).isEqualTo(200);
        assertThat(run.tests()).hasSize(3);
        GptTestResult groups = run.tests().get(0);
        assertThat(groups.rpsResult()).isEqualTo(199.10);
        assertThat(groups.ttfbP90Ms()).isEqualTo(95.40);
        assertThat(groups.passed()).isTrue();
        assertThat(groups.score()).isEqualTo(99.55);
    }

    @Test
    void scoresAsGptDoes() {
        // docs/k6.md's 10k example: api_v4_groups 197.94 of 200 RPS at 100% success
        GptTestResult groups = BENCHMARKS.benchmarkFor("10k").orElseThrow().tests().get(0);
        assertThat(groups.score()).isCloseTo(98.97, org.assertj.core.data.Offset.offset(0.001));
        GptTestResult lowered = new GptTestResult("t", 100, 50, 40, 10, 200, 100, 99);
        assertThat(lowered.countsTowardsOverallScore()).isFalse();
        assertThat(new GptRun("e", "v", "g", "60s_200rps", "d", java.util.List.of(lowered)).overallScore()).isZero();
    }

    @Test
    void aPassingRunIsAtOrAboveTheBenchmark() throws IOException {
        PerformanceComparison comparison = BENCHMARKS.compare("10k", run("passing-10k_results.json"));

        assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.AT_OR_ABOVE);
        assertThat(comparison.customerScore()).isGreaterThanOrEqualTo(comparison.benchmarkScore());
        assertThat(comparison.tests()).extracting(PerformanceComparison.TestDelta::test)
                .containsExactly("api_v4_groups", "git_push", "web_project");
        assertThat(comparison.tests()).noneMatch(PerformanceComparison.TestDelta::belowBenchmark);
        assertThat(comparison.tests().get(0).rpsDelta()).isEqualTo(1.16);
        assertThat(comparison.tests().get(0).ttfbP90DeltaMs()).isEqualTo(-4.92);
    }

    @Test
    void aFailingRunIsBelowTheBenchmarkAndSaysWhere() throws IOException {
        PerformanceComparison comparison = BENCHMARKS.compare("10k", run("failing-10k_results.json"));

        assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.BELOW);
        PerformanceComparison.TestDelta groups = comparison.tests().get(0);
        assertThat(groups.customerPassed()).isFalse();
        assertThat(groups.belowBenchmark()).isTrue();
        assertThat(groups.ttfbP90DeltaMs()).isEqualTo(133.13);
        PerformanceComparison.TestDelta webProject = comparison.tests().get(2);
        assertThat(webProject.test()).isEqualTo("web_project");
        assertThat(webProject.scoreDelta()).isNull();
        assertThat(webProject.belowBenchmark()).isTrue();
    }

    @Test
    void aRunForAnotherSizeIsRefusedWithTheProfileToUse() throws IOException {
        String smaller = new String(new ClassPathResource("gpt/passing-10k_results.json").getContentAsByteArray(),
                StandardCharsets.UTF_8).replace("60s_200rps", "60s_20rps");

        assertThatThrownBy(() -> BENCHMARKS.compare("10k", GptResultsReader.read(smaller.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60s_20rps").hasMessageContaining("60s_200rps");
    }

    @Test
    void aSizeWithoutABenchmarkIsRefusedWithTheReason() throws IOException {
        String threeK = new String(new ClassPathResource("gpt/passing-10k_results.json").getContentAsByteArray(),
                StandardCharsets.UTF_8).replace("60s_200rps", "60s_60rps");

        assertThatThrownBy(() -> BENCHMARKS.compare("3k", GptResultsReader.read(threeK.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("no GPT benchmark run for 3k");
    }

    @Test
    void malformedFilesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> GptResultsReader.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("GPT results: not a JSON document");
        assertThatThrownBy(() -> GptResultsReader.read("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("GPT results: test_results must list at least one test");
        String badNumber = """
                {"name":"x","version":"1","gpt_version":"2","option":"60s_200rps","date":"d",
                 "test_results":[{"name":"t","rps_target":"lots","rps_result":1,"ttfb_p90":1,"success_rate":100}]}""";
        assertThatThrownBy(() -> GptResultsReader.read(badNumber.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("GPT results: test_results[0].rps_target is not a number: 'lots'");
        String missing = """
                {"name":"x","version":"1","gpt_version":"2","date":"d",
                 "test_results":[{"name":"t","rps_target":1,"rps_result":1,"ttfb_p90":1,"success_rate":100}]}""";
        assertThatThrownBy(() -> GptResultsReader.read(missing.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("GPT results: option is missing");
    }
}
