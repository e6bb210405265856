package com.upgradecoordination.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * HTTP load on coordination-service: {@code connections} client threads, each sending its next
 * request when the last one was answered (closed loop), over keep-alive connections.
 */
final class HttpLoad {

    private static final String OPEN = "{\"customerOrganisation\":\"Benchmark Corp\",\"csm\":\"casey.csm\","
            + "\"reasons\":[\"GROWTH\"],\"deploymentType\":\"OMNIBUS_MULTI_NODE\"}";

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpLoad(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    /** One request with another caller's token; {@code body} null for none. Fails on an answer other than {@code expected}. */
    String call(String method, String path, String body, String callerToken, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + callerToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** Records requirements once; {@code expectedUsers} decides the size the engagement is matched to. */
    void recordRequirements(String engagementId, long expectedUsers) throws IOException, InterruptedException {
        call("PUT", "/engagements/" + engagementId + "/requirements", requirements(expectedUsers), token, 204);
    }

    private static String requirements(long expectedUsers) {
        return "{\"currentUsers\":1,\"expectedUsers\":" + expectedUsers
                + ",\"growthHorizonMonths\":12,\"highAvailability\":true,\"geo\":false,"
                + "\"targetCompletionDate\":\"2029-06-30\"}";
    }

    /** Opens an engagement and answers its id. */
    String open() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(request("/engagements").POST(HttpRequest.BodyPublishers.ofString(OPEN))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /engagements answered " + created.statusCode() + ": " + created.body());
        }
        return created.body().replaceAll(".*\"engagementId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    List<String> openEngagements(int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(open());
        }
        return ids;
    }

    Load creates(int connections, Duration duration) throws InterruptedException {
        return run(connections, duration, client -> request("/engagements")
                .POST(HttpRequest.BodyPublishers.ofString(OPEN)).build(), 201);
    }

    /** Requirements recorded again and again, each client on engagements of its own (no conflicts). */
    Load updates(List<String> engagements, int connections, Duration duration) throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        return run(connections, duration, client -> {
            String engagementId = engagements.get(client % engagements.size());
            long users = 1000 + sent.incrementAndGet() % 8000;
            return request("/engagements/" + engagementId + "/requirements")
                    .PUT(HttpRequest.BodyPublishers.ofString(requirements(users)))
                    .build();
        }, 204);
    }

    private Load run(int connections, Duration duration, IntFunction<HttpRequest> requestOf, int expectedStatus)
            throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Histogram latencies = new Histogram(60_000_000L, 3);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                Histogram mine = new Histogram(60_000_000L, 3);
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> answer = http.send(requestOf.apply(client),
                                HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() == expectedStatus) {
                            mine.recordValue((System.nanoTime() - start) / 1000);
                            completed.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                synchronized (latencies) {
                    latencies.add(mine);
                }
            });
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        if (failed.get() > 0) {
            System.out.printf("  (%d requests failed or answered other than %d)%n", failed.get(), expectedStatus);
        }
        return new Load(completed.get(), failed.get(), duration.toNanos() / 1e9, latencies);
    }
}
