package com.upgradecoordination.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.upgradecoordination.devsupport.ServiceHttpTest;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.devsupport.TestClients;
import com.upgradecoordination.devsupport.TestTokens;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP edge of a freshly started service, whose event store is still empty: the platform's
 * read-model endpoint answers, and one keep-alive connection keeps being answered whatever mix of
 * answered and refused requests it carries (the stalled request of issue 12, docs/operations.md).
 * Neither test stores an event; the service starts with no initial benchmark data, which would be
 * its first events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=coordination-service",
                "coordination.catalog.gpt-benchmarks=classpath:catalog/gpt-benchmarks-none.json"})
class HttpEdgeIT extends ServiceHttpTest {

    /** Normal and refused requests alternate this many times: twice as many requests in all. */
    static final int ROUNDS = 500;
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** The test stops sending after this many unanswered requests: it has failed by then anyway. */
    static final int MAX_STALLS = 3;
    static final int CPU_BURNERS = 3;
    static volatile long burnt;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ServiceTestSettings.register(registry, "coordination-service");
    }

    @Test
    void readModelsOfAnEmptyEventStoreAreAtZeroOfZero() {
        JsonNode all = TestClients.asAuditor(port).get().uri("/audit/read-models").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(all).isNotEmpty();
        List<String> groups = new ArrayList<>();
        all.forEach(model -> {
            groups.add(model.get("processingGroup").asString());
            assertThat(model.get("eventsTotal").asLong()).as("store head of %s", model).isZero();
            assertThat(model.get("eventsDone").asLong()).as("position of %s", model).isZero();
            assertThat(model.has("ratePerSecond")).as("rate of %s", model).isFalse();
        });
        assertThat(groups).contains("kafka-relay", "engagement-summary");

        JsonNode one = TestClients.asAuditor(port).get().uri("/audit/read-models/engagement-summary").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(one.get("eventsTotal").asLong()).isZero();
        assertThat(one.get("rebuildable").asBoolean()).isTrue();
    }

    /**
     * One keep-alive connection carries requests back to back, alternating an answered one (its
     * answer written from a worker thread) with one refused on the event loop: no token and a
     * forged token (401), a role the endpoint does not admit (403), a page that is not a number
     * (400). Reactor Netty 1.3.7 held back a request that arrived while the previous one was still
     * finishing, then, when that request was answered on the event loop, never read the
     * connection again: the next request got no answer (reactor/reactor-netty#4361). A few
     * CPU-burning threads make the race likely on two cores.
     */
    @Test
    void oneKeepAliveConnectionAnswersEveryRequest() throws InterruptedException {
        String csm = "Bearer " + TestTokens.token("casey.csm", "CSM");
        String forged = "Bearer " + TestTokens.issuer().forgedToken("casey.csm", "CSM");
        String wrongRole = "Bearer " + TestTokens.token("ivy.integration", "INTEGRATION");
        List<Call> refused = List.of(
                new Call("/engagements", null, 401),
                new Call("/engagements", forged, 401),
                new Call("/engagements", wrongRole, 403),
                new Call("/engagements?page=not-a-number", csm, 400));
        Call answered = new Call("/engagements", csm, 200);

        HeldBackRequests heldBack = HeldBackRequests.watch();
        ConnectionProvider oneConnection = ConnectionProvider.builder("keep-alive-stress").maxConnections(1)
                .pendingAcquireTimeout(RESPONSE_TIMEOUT).build();
        LoopResources clientLoop = LoopResources.create("keep-alive-stress-client", 1, true);
        AtomicInteger connections = new AtomicInteger();
        HttpClient client = HttpClient.create(oneConnection).runOn(clientLoop)
                .baseUrl("http://127.0.0.1:" + port)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .responseTimeout(RESPONSE_TIMEOUT)
                .doOnChannelInit((observer, channel, address) -> connections.incrementAndGet());
        List<Call> calls = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            calls.add(answered);
            calls.add(refused.get(round % refused.size()));
        }
        AtomicInteger sent = new AtomicInteger();
        List<String> stalls = new CopyOnWriteArrayList<>();
        List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> burners = startCpuBurners(burning);
        long started = System.nanoTime();
        try {
            // Each request is sent from the client's event loop the moment the previous answer is
            // complete, with no hop to another thread: as early as a keep-alive client can.
            Flux.fromIterable(calls)
                    .concatMap(call -> {
                        int number = sent.incrementAndGet();
                        return call.send(client)
                                .doOnNext(status -> {
                                    if (status != call.expected()) {
                                        wrongAnswers.add("request " + number + " (" + call + ") got " + status);
                                    }
                                })
                                .onErrorResume(ReadTimeoutException.class, unanswered -> {
                                    stalls.add("request " + number + " (" + call + ") got no answer within "
                                            + RESPONSE_TIMEOUT);
                                    return Mono.empty();
                                });
                    }, 0)
                    .takeUntil(ignored -> stalls.size() >= MAX_STALLS)
                    .blockLast(RESPONSE_TIMEOUT.multipliedBy(MAX_STALLS + 6));
        } finally {
            burning.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
            heldBack.stop();
            oneConnection.disposeLater().block(Duration.ofSeconds(5));
            clientLoop.disposeLater().block(Duration.ofSeconds(5));
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LoggerFactory.getLogger(HttpEdgeIT.class).info(
                "keep-alive stress: {} requests in {} ms over {} connection(s), {} held back by the server, {} stalls",
                sent.get(), millis, connections.get(), heldBack.count(), stalls.size());
        assertThat(stalls).as("requests without an answer (%d sent, %d held back by the server)",
                sent.get(), heldBack.count()).isEmpty();
        assertThat(wrongAnswers).isEmpty();
        assertThat(heldBack.count()).as("requests the server held back: the race this test provokes").isPositive();
        assertThat(sent.get()).isEqualTo(calls.size());
        assertThat(connections.get()).as("every request went over one keep-alive connection").isEqualTo(1);
    }

    record Call(String uri, String authorization, int expected) {

        /** The answer's status once its body is read; a ReadTimeoutException when none came in time. */
        Mono<Integer> send(HttpClient client) {
            return client.headers(headers -> {
                        if (authorization != null) {
                            headers.set("Authorization", authorization);
                        }
                    })
                    .get().uri(uri)
                    .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                            .map(ignored -> response.status().code()));
        }

        @Override
        public String toString() {
            return "GET " + uri + (authorization == null ? " without a token" : "") + " expecting " + expected;
        }
    }

    private static List<Thread> startCpuBurners(AtomicBoolean burning) {
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < CPU_BURNERS; i++) {
            Thread burner = new Thread(() -> {
                long x = 17;
                while (burning.get()) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                burnt = x;
            }, "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        return burners;
    }

    /**
     * Counts the server's "Buffering keep-alive request" debug lines: how often a request arrived
     * while the previous one was still finishing, i.e. how often the race was provoked.
     */
    static final class HeldBackRequests extends AppenderBase<ILoggingEvent> {

        private final Logger logger = (Logger) LoggerFactory.getLogger("reactor.netty.http.server.HttpServerOperations");
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Level previous = logger.getLevel();
        private final AtomicInteger count = new AtomicInteger();

        static HeldBackRequests watch() {
            HeldBackRequests appender = new HeldBackRequests();
            appender.setContext(appender.logger.getLoggerContext());
            appender.start();
            appender.logger.addAppender(appender);
            appender.logger.setAdditive(false); // counted here, not written to the test log
            appender.logger.setLevel(Level.DEBUG);
            return appender;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().contains("Buffering keep-alive request")) {
                count.incrementAndGet();
            } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                root.callAppenders(event); // the logger is not additive while watched: pass on what matters
            }
        }

        int count() {
            return count.get();
        }

        @Override
        public void stop() {
            logger.setLevel(previous);
            logger.setAdditive(true);
            logger.detachAppender(this);
            super.stop();
        }
    }
}
