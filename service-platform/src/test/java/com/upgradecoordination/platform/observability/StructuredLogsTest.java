package com.upgradecoordination.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' logging settings (service-platform.yml) with the production setting
 * {@code logging.structured.format.console=ecs} write one JSON object per line that names the
 * trace, the span and the correlation id; without it, the same ids in readable text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void backToText() throws IOException {
        MDC.clear();
        start(platformSettings());
    }

    @Test
    void productionLogsAreJsonLinesWithTheTraceAndCorrelationIds(CapturedOutput output) throws IOException {
        MockEnvironment production = platformSettings();
        production.setProperty("logging.structured.format.console", "ecs");
        start(production);

        logLineInTraceOf("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "request-42");

        String line = output.getOut().lines().filter(text -> text.contains("the line under test")).findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("the line under test");
        assertThat(json.get("service").get("name").asString()).isEqualTo("test-service");
        assertThat(json.toString()).contains("\"traceId\":\"0af7651916cd43dd8448eb211c80319c\"",
                "\"spanId\":\"b7ad6b7169203331\"", "\"correlationId\":\"request-42\"");
    }

    @Test
    void localLogsAreTextWithTheSameIds(CapturedOutput output) throws IOException {
        start(platformSettings());

        logLineInTraceOf("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "request-42");

        assertThat(output.getOut().lines().filter(text -> text.contains("the line under test")).findFirst().orElseThrow())
                .doesNotStartWith("{")
                .contains("[0af7651916cd43dd8448eb211c80319c,b7ad6b7169203331,request-42]");
    }

    /** The ids as the tracer (traceId, spanId) and {@link CorrelationIdLogging} put them in the logging context. */
    private static void logLineInTraceOf(String traceId, String spanId, String correlationId) {
        MDC.put("traceId", traceId);
        MDC.put("spanId", spanId);
        CorrelationIdLogging.with(correlationId, () -> {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("the line under test");
            return null;
        });
    }

    private void start(MockEnvironment environment) {
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    private static MockEnvironment platformSettings() throws IOException {
        MockEnvironment environment = new MockEnvironment();
        new YamlPropertySourceLoader().load("service-platform", new ClassPathResource("service-platform.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        environment.setProperty("spring.application.name", "test-service");
        return environment;
    }
}
