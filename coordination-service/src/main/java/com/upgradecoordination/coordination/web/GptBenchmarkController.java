package com.upgradecoordination.coordination.web;

import com.upgradecoordination.coordination.api.RegisterGptBenchmarkCommand;
import com.upgradecoordination.coordination.readmodel.GptBenchmarkEntry;
import com.upgradecoordination.coordination.readmodel.GptBenchmarkProjection;
import com.upgradecoordination.platform.web.Answers;
import com.upgradecoordination.platform.web.CommandDispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** The benchmark register: GitLab's published GPT benchmark runs per reference size, as versioned data. */
@RestController
@RequestMapping("/gpt-benchmarks")
public class GptBenchmarkController {

    private final CommandDispatcher commands;
    private final GptBenchmarkProjection benchmarks;

    public GptBenchmarkController(CommandDispatcher commands, GptBenchmarkProjection benchmarks) {
        this.commands = commands;
        this.benchmarks = benchmarks;
    }

    /**
     * @param results     GitLab's published GPT results file for the size, as GPT wrote it
     * @param sourceUrl   where GitLab published it
     * @param publishedOn the date GitLab published it
     */
    record RegisterBenchmark(@NotNull JsonNode results, @NotBlank @Size(max = 2000) String sourceUrl,
                             @NotNull LocalDate publishedOn) {
    }

    /** Registers the run as the size's next version; comparisons from now on use it, earlier ones keep theirs. */
    @ResponseStatus(HttpStatus.CREATED)
    @PutMapping("/{size}")
    public Mono<ResponseEntity<Map<String, Object>>> register(@PathVariable String size,
                                                              @Valid @RequestBody RegisterBenchmark body) {
        var command = new RegisterGptBenchmarkCommand(size, body.results().toString(), body.sourceUrl(),
                body.publishedOn());
        return commands.<Integer>send(command)
                .map(version -> Answers.created("/gpt-benchmarks?size=" + size, Map.of("size", size, "version", version)));
    }

    /** Every registered version, oldest first per size; {@code latest} marks the one new comparisons use. */
    @GetMapping
    public Mono<List<GptBenchmarkEntry>> list(@RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> benchmarks.list(size)).subscribeOn(Schedulers.boundedElastic());
    }
}
