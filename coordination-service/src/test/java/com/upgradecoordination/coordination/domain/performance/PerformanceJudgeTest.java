package com.upgradecoordination.coordination.domain.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.coordination.api.PerformanceBasis;
import com.upgradecoordination.coordination.api.PerformanceFigures;
import com.upgradecoordination.coordination.api.PerformanceTestDelta;
import com.upgradecoordination.coordination.catalog.CatalogConfiguration;
import com.upgradecoordination.coordination.catalog.GptResultsReader;
import com.upgradecoordination.coordination.catalog.InitialGptBenchmarks;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PerformanceJudgeTest {

    static final ReferenceArchitectureCatalog ARCHITECTURES =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));
    static final InitialGptBenchmarks SHIPPED = CatalogConfiguration.loadInitialBenchmarks(
            new ClassPathResource("catalog/gpt-benchmarks.v2.json"), ARCHITECTURES);

    /** The shipped 10k run, as registered at start-up: version 1 of 10k. */
    static final RegisteredBenchmark BENCHMARK_10K = new RegisteredBenchmark("10k", 1,
            GptResultsReader.read(SHIPPED.entries().get(0).resultsJson().getBytes(StandardCharsets.UTF_8)),
            SHIPPED.entries().get(0).sourceUrl(), "2021-06-24");

    static GptRun run(String file) throws IOException {
        return GptResultsReader.read(new ClassPathResource("gpt/" + file).getContentAsByteArray());
    }

    static PerformanceComparison judge(String size, RegisteredBenchmark benchmark, String file) throws IOException {
        return PerformanceJudge.judge(ARCHITECTURES.size(size), Optional.ofNullable(benchmark), run(file));
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
        GptTestResult groups = BENCHMARK_10K.run().tests().get(0);
        assertThat(groups.score()).isCloseTo(98.97, Offset.offset(0.001));
        GptTestResult lowered = new GptTestResult("t", 100, 50, 40, 10, 200, 100, 99);
        assertThat(lowered.countsTowardsOverallScore()).isFalse();
        assertThat(new GptRun("e", "v", "g", "60s_200rps", "d", List.of(lowered)).overallScore()).isZero();
        // a run exactly at the default thresholds: 0.8 of the target at 99% success
        assertThat(new GptRun("e", "v", "g", "60s_200rps", "d",
                List.of(new GptTestResult("t", 200, 0, 160, 10, 200, 100, 99))).scoreAtThresholds())
                .isCloseTo(79.2, Offset.offset(0.001));
    }

    @Test
    void aRunForAnotherSizeIsRefusedWithTheProfileToUse() throws IOException {
        String smaller = new String(new ClassPathResource("gpt/passing-10k_results.json").getContentAsByteArray(),
                StandardCharsets.UTF_8).replace("60s_200rps", "60s_20rps");

        assertThatThrownBy(() -> PerformanceJudge.judge(ARCHITECTURES.size("10k"), Optional.of(BENCHMARK_10K),
                GptResultsReader.read(smaller.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60s_20rps").hasMessageContaining("60s_200rps");
        assertThatThrownBy(() -> judge("5k", null, "passing-10k_results.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60s_100rps");
    }

    @Nested
    class AgainstABenchmark {

        @Test
        void aPassingRunIsAtOrAboveTheBenchmarkAndNamesItsVersion() throws IOException {
            PerformanceComparison comparison = judge("10k", BENCHMARK_10K, "passing-10k_results.json");

            assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.AT_OR_ABOVE);
            assertThat(comparison.basis()).isEqualTo(new PerformanceBasis("BENCHMARK", "10k", 1, "14.1.0-pre",
                    "2021-06-24", BENCHMARK_10K.sourceUrl(), "60s_200rps",
                    "BENCHMARK 10k v1 (GitLab 14.1.0-pre, 2021-06-24)"));
            assertThat(comparison.customerScore()).isGreaterThanOrEqualTo(comparison.benchmarkScore());
            assertThat(comparison.tests()).extracting(PerformanceTestDelta::test)
                    .containsExactly("api_v4_groups", "git_push", "web_project");
            assertThat(comparison.tests()).noneMatch(PerformanceTestDelta::belowBenchmark);
            PerformanceTestDelta groups = comparison.tests().get(0);
            assertThat(groups.rpsDelta()).isEqualTo(1.16);
            assertThat(groups.ttfbP90DeltaMs()).isEqualTo(-4.92);
            assertThat(groups.customer()).isEqualTo(new PerformanceFigures(199.10, 95.40, 100));
            assertThat(groups.reference()).isEqualTo(new PerformanceFigures(197.94, 100.32, 100));
            assertThat(groups.shortOn()).isEmpty();
        }

        @Test
        void aFailingRunIsBelowTheBenchmarkAndSaysWhereAndByHowMuch() throws IOException {
            PerformanceComparison comparison = judge("10k", BENCHMARK_10K, "failing-10k_results.json");

            assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.BELOW);
            PerformanceTestDelta groups = comparison.tests().get(0);
            assertThat(groups.customerPassed()).isFalse();
            assertThat(groups.belowBenchmark()).isTrue();
            assertThat(groups.ttfbP90DeltaMs()).isEqualTo(133.13);
            assertThat(groups.shortOn()).containsExactly("FAILED", "RPS", "TTFB_P90", "SCORE");
            assertThat(groups.customer()).isEqualTo(new PerformanceFigures(150.5, 233.45, 99.5));
            PerformanceTestDelta webProject = comparison.tests().get(2);
            assertThat(webProject.test()).isEqualTo("web_project");
            assertThat(webProject.scoreDelta()).isNull();
            assertThat(webProject.belowBenchmark()).isTrue();
            assertThat(webProject.shortOn()).containsExactly("MISSING");
            assertThat(webProject.customer()).isNull();
            assertThat(webProject.reference()).isEqualTo(new PerformanceFigures(19.38, 334.75, 100));
        }
    }

    @Nested
    class AgainstGptsOwnThresholds {

        @Test
        void withoutABenchmarkEveryTestIsHeldToItsOwnThresholds() throws IOException {
            PerformanceComparison comparison = judge("5k", null, "passing-5k_results.json");

            assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.MEETS_THRESHOLDS);
            assertThat(comparison.basis().kind()).isEqualTo(PerformanceBasis.GPT_THRESHOLDS);
            assertThat(comparison.basis().benchmarkVersion()).isNull();
            assertThat(comparison.basis().loadProfile()).isEqualTo("60s_100rps");
            assertThat(comparison.basis().description()).startsWith("GPT_THRESHOLDS 5k");
            assertThat(comparison.customerScore()).isEqualTo(98.57);
            assertThat(comparison.benchmarkScore()).isEqualTo(79.2);
            PerformanceTestDelta groups = comparison.tests().get(0);
            assertThat(groups.reference()).isEqualTo(new PerformanceFigures(80, 200, 99));
            assertThat(groups.rpsDelta()).isEqualTo(19.2);
            assertThat(groups.ttfbP90DeltaMs()).isEqualTo(-79.6);
            assertThat(groups.scoreDelta()).isNull();
            assertThat(comparison.tests()).noneMatch(PerformanceTestDelta::belowBenchmark);
        }

        @Test
        void aTestThatMissesAThresholdIsBelowAndNamesWhich() throws IOException {
            PerformanceComparison comparison = judge("5k", null, "failing-5k_results.json");

            assertThat(comparison.verdict()).isEqualTo(PerformanceComparison.BELOW_THRESHOLDS);
            assertThat(comparison.tests()).filteredOn(PerformanceTestDelta::belowBenchmark)
                    .extracting(PerformanceTestDelta::test).containsExactly("api_v4_groups", "web_project");
            assertThat(comparison.tests().get(0).shortOn()).containsExactly("FAILED", "RPS", "TTFB_P90");
            assertThat(comparison.tests().get(0).rpsDelta()).isEqualTo(-7.5);
            assertThat(comparison.tests().get(0).ttfbP90DeltaMs()).isEqualTo(33.45);
            assertThat(comparison.tests().get(2).shortOn()).containsExactly("FAILED", "SUCCESS_RATE");
            assertThat(comparison.tests().get(2).customer().successRate()).isEqualTo(98.0);
            assertThat(comparison.tests().get(2).reference().successRate()).isEqualTo(99.0);
        }
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
