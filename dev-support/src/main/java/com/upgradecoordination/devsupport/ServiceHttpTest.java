package com.upgradecoordination.devsupport;

import com.upgradecoordination.platform.web.ProblemDetailsAdvice;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What an integration test of one service, started on a random port, works with: the port, the
 * service's database and HTTP clients. The subclass starts the service itself
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=...")})
 * and keeps its own {@code @DynamicPropertySource} calling {@link ServiceTestSettings#register}:
 * declared in each class, it gives each class a context and a fresh database of its own.
 */
public abstract class ServiceHttpTest {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** Sends no token. */
    protected WebTestClient anonymous;

    /** Reads as an auditor unless a request says otherwise. */
    protected WebTestClient http;

    @BeforeEach
    void startClients() {
        anonymous = TestClients.anonymous(port);
        http = TestClients.asAuditor(port);
    }

    /** How many events the service's event store holds: a refused command must leave it unchanged. */
    protected long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single();
    }

    /** How many events of one aggregate the event store holds. */
    protected long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    /** The {@code type} of the platform's problem answers of that kind, e.g. {@code problemType("stale-version")}. */
    protected static String problemType(String kind) {
        return ProblemDetailsAdvice.TYPE_PREFIX + kind;
    }

    /** The JSON answered to an auditor's GET, which must be 200. */
    protected JsonNode get(String uri, Object... variables) {
        return http.get().uri(uri, variables).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The JSON answered to an auditor's GET when it is 200, else empty: for polling without failing. */
    protected Optional<JsonNode> found(String uri, Object... variables) {
        var result = http.get().uri(uri, variables).exchange().expectBody(JsonNode.class).returnResult();
        return result.getStatus().value() == 200 ? Optional.ofNullable(result.getResponseBody()) : Optional.empty();
    }
}
