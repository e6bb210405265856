package com.upgradecoordination.coordination.domain.performance;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.GptBenchmarkRegisteredEvent;
import com.upgradecoordination.coordination.api.GptBenchmarkSeriesId;
import com.upgradecoordination.coordination.api.RegisterGptBenchmarkCommand;
import com.upgradecoordination.coordination.api.SeedGptBenchmarkCommand;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * GitLab's published GPT benchmark runs for one reference size, version after version. A comparison
 * uses the latest version and names it; a newer version never changes an earlier verdict.
 */
@Aggregate
public class GptBenchmarkSeries {

    static final int MAX_URL_LENGTH = 2000;

    @AggregateIdentifier
    private String seriesId;
    private String size;
    private int latestVersion;
    private String latestResultsJson;

    protected GptBenchmarkSeries() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(RegisterGptBenchmarkCommand command, ReferenceArchitectureCatalog catalog,
                      GptResultsFormat gptResults, Clock clock) {
        Registration registration = validate(command.size(), command.resultsJson(), command.sourceUrl(),
                command.publishedOn(), catalog, gptResults, clock);
        if (command.resultsJson().equals(latestResultsJson)) {
            throw new RuleViolationException("benchmark-already-registered",
                    "Version " + latestVersion + " of the " + size + " benchmark is this same results file");
        }
        register(registration);
        return latestVersion;
    }

    /** The shipped catalog's run becomes version 1; once a size has a version, seeding leaves it alone. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SeedGptBenchmarkCommand command, ReferenceArchitectureCatalog catalog,
                       GptResultsFormat gptResults, Clock clock) {
        if (latestVersion > 0) {
            return;
        }
        register(validate(command.size(), command.resultsJson(), command.sourceUrl(), command.publishedOn(), catalog,
                gptResults, clock));
    }

    private record Registration(String size, GptRun run, String resultsJson, String sourceUrl, LocalDate publishedOn) {
    }

    private static Registration validate(String size, String resultsJson, String sourceUrl, LocalDate publishedOn,
                                         ReferenceArchitectureCatalog catalog, GptResultsFormat gptResults,
                                         Clock clock) {
        require(size, "size");
        ReferenceArchitecture architecture = catalog.sizes().stream().filter(s -> s.size().equals(size)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("size: " + size + " is not a reference architecture "
                        + "size (one of " + catalog.sizes().stream().map(ReferenceArchitecture::size)
                        .collect(Collectors.joining(", ")) + ")"));
        require(resultsJson, "resultsJson");
        GptRun run = gptResults.read(resultsJson);
        if (run.optionRps() != architecture.apiRps()) {
            throw new IllegalArgumentException("GPT results: the benchmark run used load profile " + run.option()
                    + " but the " + size + " reference architecture is tested at " + architecture.apiRps() + " RPS ("
                    + PerformanceJudge.loadProfile(architecture) + ")");
        }
        require(sourceUrl, "sourceUrl", MAX_URL_LENGTH);
        if (!sourceUrl.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("sourceUrl: an http(s) URL where GitLab published the run");
        }
        if (publishedOn == null) {
            throw new IllegalArgumentException("publishedOn: required, the date GitLab published the run");
        }
        if (publishedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("publishedOn: cannot be in the future");
        }
        return new Registration(size, run, resultsJson, sourceUrl.strip(), publishedOn);
    }

    private void register(Registration registration) {
        GptRun run = registration.run();
        apply(new GptBenchmarkRegisteredEvent(registration.size(), latestVersion + 1, run.gitlabVersion(),
                run.gptVersion(), run.option(), run.date(), Math.round(run.overallScore() * 100.0) / 100.0,
                run.tests().size(), registration.sourceUrl(), registration.publishedOn(), registration.resultsJson()));
    }

    @EventSourcingHandler
    void on(GptBenchmarkRegisteredEvent event) {
        seriesId = GptBenchmarkSeriesId.of(event.size());
        size = event.size();
        latestVersion = event.version();
        latestResultsJson = event.resultsJson();
    }
}
