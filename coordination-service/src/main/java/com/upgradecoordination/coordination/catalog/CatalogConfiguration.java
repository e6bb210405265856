package com.upgradecoordination.coordination.catalog;

import com.upgradecoordination.coordination.domain.ComponentSpec;
import com.upgradecoordination.coordination.domain.ReferenceArchitecture;
import com.upgradecoordination.coordination.domain.ReferenceArchitectureCatalog;
import com.upgradecoordination.coordination.domain.performance.GptResultsFormat;
import com.upgradecoordination.coordination.domain.performance.GptRun;
import com.upgradecoordination.platform.catalog.CatalogFiles;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the versioned catalog data at start-up; a broken file stops start-up with the reason. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    record CatalogFile(String catalog, int version, String source, String retrieved, String notes,
                       List<String> statefulComponents, List<SizeEntry> sizes) {
    }

    record SizeEntry(String size, int maxUsers, String loadCategory, TargetRps targetRps, List<ComponentSpec> components) {
    }

    record TargetRps(int api, int web, int gitPull, int gitPush) {
    }

    @Bean
    public ReferenceArchitectureCatalog referenceArchitectureCatalog(
            @Value("${coordination.catalog.reference-architectures:classpath:catalog/reference-architectures.v1.json}")
            Resource file) {
        return load(file);
    }

    @Bean
    public GptResultsFormat gptResultsFormat() {
        return json -> GptResultsReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Bean
    public InitialGptBenchmarks initialGptBenchmarks(
            @Value("${coordination.catalog.gpt-benchmarks:classpath:catalog/gpt-benchmarks.v2.json}") Resource file,
            ReferenceArchitectureCatalog architectures) {
        return loadInitialBenchmarks(file, architectures);
    }

    /**
     * The shipped benchmark runs (the register's initial data), each in GPT's own results format,
     * checked against its size's load profile so a broken file stops start-up with the reason.
     */
    public static InitialGptBenchmarks loadInitialBenchmarks(Resource file, ReferenceArchitectureCatalog architectures) {
        try (InputStream in = file.getInputStream()) {
            JsonMapper mapper = JsonMapper.builder().build();
            JsonNode root = mapper.readTree(in);
            if (!"gpt-benchmarks".equals(root.path("catalog").asString()) || !root.path("benchmarks").isArray()
                    || root.path("source").asString().isBlank() || root.path("retrieved").asString().isBlank()) {
                throw new IllegalStateException("not a gpt-benchmarks catalog with source, retrieved and benchmarks");
            }
            Map<String, Integer> apiRps = architectures.sizes().stream()
                    .collect(Collectors.toMap(ReferenceArchitecture::size, ReferenceArchitecture::apiRps));
            List<InitialGptBenchmarks.Entry> entries = new ArrayList<>();
            for (JsonNode benchmark : root.path("benchmarks")) {
                String size = benchmark.path("size").asString();
                GptRun run = GptResultsReader.read(benchmark.path("results"));
                Integer expected = apiRps.get(size);
                if (expected == null || run.optionRps() != expected) {
                    throw new IllegalStateException("benchmark " + size + " is not a reference size or its "
                            + "load profile " + run.option() + " does not match the size's " + expected + " API RPS");
                }
                String sourceUrl = benchmark.path("sourceUrl").asString();
                String publishedOn = benchmark.path("publishedOn").asString();
                if (sourceUrl.isBlank() || publishedOn.isBlank()) {
                    throw new IllegalStateException("benchmark " + size + " needs sourceUrl and publishedOn");
                }
                entries.add(new InitialGptBenchmarks.Entry(size, mapper.writeValueAsString(benchmark.path("results")),
                        sourceUrl, LocalDate.parse(publishedOn)));
            }
            InitialGptBenchmarks initial = new InitialGptBenchmarks(root.path("version").asInt(),
                    file.getDescription(), entries);
            log.info("Loaded GPT benchmark catalog v{} (initial data for sizes {})", initial.version(),
                    entries.stream().map(InitialGptBenchmarks.Entry::size).toList());
            return initial;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("GPT benchmark catalog " + file.getDescription() + " is invalid: "
                    + e.getMessage(), e);
        }
    }

    public static ReferenceArchitectureCatalog load(Resource file) {
        try {
            CatalogFile data = CatalogFiles.read(file, CatalogFile.class);
            if (!"reference-architectures".equals(data.catalog()) || data.sizes() == null
                    || data.statefulComponents() == null || data.source() == null || data.retrieved() == null) {
                throw new IllegalStateException("not a reference-architectures catalog with source, retrieved, "
                        + "statefulComponents and sizes");
            }
            List<ReferenceArchitecture> sizes = data.sizes().stream()
                    .map(s -> new ReferenceArchitecture(s.size(), s.maxUsers(), s.targetRps().api(), s.components()))
                    .toList();
            ReferenceArchitectureCatalog catalog = new ReferenceArchitectureCatalog(
                    data.version(), data.source(), data.retrieved(), sizes, Set.copyOf(data.statefulComponents()));
            log.info("Loaded reference-architecture catalog v{} ({} sizes, retrieved {})",
                    catalog.version(), catalog.sizes().size(), catalog.retrieved());
            return catalog;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Reference-architecture catalog " + file.getDescription()
                    + " is invalid: " + e.getMessage(), e);
        }
    }
}
