package com.upgradecoordination.faulttests;

import com.upgradecoordination.devsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP client. Every request has a bound: it ends with a status, a connection error, or
 * (when neither came within the bound) as UNANSWERED. Every request is recorded in the ledger.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind { STATUS, CONNECTION_ERROR, UNANSWERED }

    /** One request as the client saw it. */
    record Call(String target, String method, String path, long startedAtMillis, long tookMillis, Kind kind,
                int status, String error) {
    }

    /** What a request ended with. */
    record Answer(Kind kind, int status, String body, HttpResponse<String> response, String error) {

        boolean is(int expected) {
            return kind == Kind.STATUS && status == expected;
        }

        boolean is2xx() {
            return kind == Kind.STATUS && status >= 200 && status < 300;
        }

        /** Worth sending again with the same Idempotency-Key: no answer, a server error, or the key still busy. */
        boolean retryable() {
            return kind != Kind.STATUS || status >= 500
                    || (status == 409 && body != null && body.contains("idempotency-key-in-progress"));
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return kind == Kind.STATUS ? status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body)
                    : kind + " " + error;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration bound;
    private final Queue<Call> ledger = new ConcurrentLinkedQueue<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Http(Duration bound) {
        this.bound = bound;
    }

    Duration bound() {
        return bound;
    }

    Queue<Call> ledger() {
        return ledger;
    }

    Answer get(String target, String baseUrl, String path, String principal, String role) {
        return send(target, baseUrl, "GET", path, principal, role, null, null);
    }

    /**
     * Sends one request. {@code body} is a JSON string or an object to serialise (null: no body);
     * {@code idempotencyKey} null: none.
     */
    Answer send(String target, String baseUrl, String method, String path, String principal, String role,
                Object body, String idempotencyKey) {
        String token = tokens.computeIfAbsent(principal + "/" + role, ignored -> TestTokens.token(principal, role));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(bound)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        Answer answer;
        CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            // the request's own timeout covers the wait for the headers; this one the body as well
            HttpResponse<String> response = sent.get(bound.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            answer = new Answer(Kind.STATUS, response.statusCode(), response.body(), response, null);
        } catch (TimeoutException noAnswer) {
            sent.cancel(true);
            answer = new Answer(Kind.UNANSWERED, 0, null, null, "no answer within " + bound);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                answer = new Answer(Kind.CONNECTION_ERROR, 0, null, null, cause.toString());
            } else if (cause instanceof HttpTimeoutException) {
                answer = new Answer(Kind.UNANSWERED, 0, null, null, cause.toString());
            } else if (cause instanceof IOException) {
                answer = new Answer(Kind.CONNECTION_ERROR, 0, null, null, cause.toString());
            } else {
                throw new IllegalStateException(method + " " + path, cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ledger.add(new Call(target, method, path, started, (System.nanoTime() - startedNanos) / 1_000_000,
                answer.kind(), answer.status(), answer.error()));
        return answer;
    }
}
