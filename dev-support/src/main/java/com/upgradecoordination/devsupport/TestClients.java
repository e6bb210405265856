package com.upgradecoordination.devsupport;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** HTTP clients for a service a test started on {@code port}, without a token or as someone. */
public final class TestClients {

    /**
     * Generous on purpose: under heavy load (several builds on two cores) a fresh context's first
     * command was seen to take about 20 s; a test waits for the answer rather than failing on it.
     */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(45);

    private TestClients() {
    }

    /** A client that sends no token. */
    public static WebTestClient anonymous(int port) {
        return anonymous(port, RESPONSE_TIMEOUT);
    }

    static WebTestClient anonymous(int port, Duration responseTimeout) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(responseTimeout).build();
    }

    /** A client whose requests carry a valid token of {@code principal} holding {@code roles}. */
    public static WebTestClient as(int port, String principal, String... roles) {
        return anonymous(port).mutate().defaultHeaders(TestTokens.bearer(principal, roles)).build();
    }

    /** A client that reads as an auditor, who may read everything and change nothing. */
    public static WebTestClient asAuditor(int port) {
        return as(port, "ada.auditor", "AUDITOR");
    }
}
