package com.upgradecoordination.coordination.domain.performance;

import com.upgradecoordination.coordination.api.GptBenchmarkRegisteredEvent;
import com.upgradecoordination.coordination.api.RegisterGptBenchmarkCommand;
import com.upgradecoordination.coordination.api.SeedGptBenchmarkCommand;
import com.upgradecoordination.coordination.catalog.CatalogConfiguration;
import com.upgradecoordination.coordination.catalog.GptResultsReader;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class GptBenchmarkSeriesTest {

    static final ReferenceArchitectureCatalog CATALOG =
            CatalogConfiguration.load(new ClassPathResource("catalog/reference-architectures.v1.json"));
    static final GptResultsFormat GPT_RESULTS = json -> GptResultsReader.read(json.getBytes(StandardCharsets.UTF_8));
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
    static final String SOURCE = "https://gitlab.example/quality/performance/-/wikis/Benchmarks/Latest/5k";
    static final LocalDate PUBLISHED = LocalDate.of(2026, 10, 21);

    FixtureConfiguration<GptBenchmarkSeries> fixture;

    static String file(String name) throws IOException {
        return new String(new ClassPathResource("gpt/" + name).getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static GptBenchmarkRegisteredEvent registered(int version, String gitlabVersion, String runDate, double score,
                                                  String resultsJson) {
        return new GptBenchmarkRegisteredEvent("5k", version, gitlabVersion, "2.16.0", "60s_100rps", runDate, score, 3,
                SOURCE, PUBLISHED, resultsJson);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GptBenchmarkSeries.class);
        fixture.registerInjectableResource(CATALOG);
        fixture.registerInjectableResource(GPT_RESULTS);
        fixture.registerInjectableResource(TODAY);
    }

    @Test
    void theFirstRegistrationOfASizeIsItsVersionOne() throws IOException {
        String results = file("benchmark-5k_results.json");
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", results, " " + SOURCE + " ", PUBLISHED))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(registered(1, "18.5.0-pre", "2026-10-20", 99.33, results));
    }

    @Test
    void aNewerRunIsTheNextVersion() throws IOException {
        String first = file("benchmark-5k_results.json");
        String second = file("benchmark-5k-v2_results.json");
        fixture.given(registered(1, "18.5.0-pre", "2026-10-20", 99.33, first))
                .when(new RegisterGptBenchmarkCommand("5k", second, SOURCE, PUBLISHED))
                .expectResultMessagePayload(2)
                .expectEvents(registered(2, "18.6.0-pre", "2026-11-20", 100.0, second));
    }

    @Test
    void theSameFileTwiceIsRefused() throws IOException {
        String first = file("benchmark-5k_results.json");
        fixture.given(registered(1, "18.5.0-pre", "2026-10-20", 99.33, first))
                .when(new RegisterGptBenchmarkCommand("5k", first, SOURCE, PUBLISHED))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("Version 1 of the 5k benchmark is this same results file")
                .expectNoEvents();
    }

    @Test
    void anUnknownSizeIsRefusedNamingTheSizes() throws IOException {
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("7k", file("benchmark-5k_results.json"), SOURCE, PUBLISHED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("size: 7k is not a reference architecture size (one of 1k, 2k, 3k, 5k, 10k, 25k, 50k)")
                .expectNoEvents();
    }

    @Test
    void aBadFileIsRefusedNamingWhatIsWrong() throws IOException {
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", "{\"name\": \"5k\"}", SOURCE, PUBLISHED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("GPT results: test_results must list at least one test")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", file("passing-10k_results.json"), SOURCE, PUBLISHED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("GPT results: the benchmark run used load profile 60s_200rps but the 5k "
                        + "reference architecture is tested at 100 RPS (60s_100rps)")
                .expectNoEvents();
    }

    @Test
    void theSourceAndPublicationDateAreRequired() throws IOException {
        String results = file("benchmark-5k_results.json");
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", results, "the wiki", PUBLISHED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("sourceUrl: an http(s) URL where GitLab published the run")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", results, SOURCE, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterGptBenchmarkCommand("5k", results, SOURCE, LocalDate.of(2026, 12, 1)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("publishedOn: cannot be in the future")
                .expectNoEvents();
    }

    @Test
    void theShippedRunSeedsASizeOnlyOnce() throws IOException {
        String results = file("benchmark-5k_results.json");
        fixture.givenNoPriorActivity()
                .when(new SeedGptBenchmarkCommand("5k", results, SOURCE, PUBLISHED))
                .expectEvents(registered(1, "18.5.0-pre", "2026-10-20", 99.33, results));
        fixture.given(registered(1, "18.5.0-pre", "2026-10-20", 99.33, results))
                .when(new SeedGptBenchmarkCommand("5k", file("benchmark-5k-v2_results.json"), SOURCE, PUBLISHED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
